import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { createApolloClient } from '../modules/apollo/utils/create-apollo-client.js';
import { AuthProvider } from '../modules/auth/components/AuthProvider.js';
import { useLanguage } from '../modules/i18n/hooks/use-language.js';
import { theme } from './theme.js';

export function AppProviders({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  const [client] = useState(createApolloClient);
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      {/* Toasts open below the 56px header so they never cover the bell or the user menu. */}
      <AntApp notification={{ top: 68 }} message={{ top: 64 }}>
        <ApolloProvider client={client}>
          <BrowserRouter>
            <AuthProvider>{children}</AuthProvider>
          </BrowserRouter>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
