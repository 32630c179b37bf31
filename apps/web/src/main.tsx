import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './modules/i18n/i18n.js';
import { AppProviders } from './app/AppProviders.js';
import { AppRoutes } from './app/AppRoutes.js';
import './app/global.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <AppRoutes />
    </AppProviders>
  </StrictMode>,
);
