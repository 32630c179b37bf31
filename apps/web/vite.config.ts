import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000; in production it serves this build itself (same origin).
const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': api,
      '/socket.io': { target: api, ws: true },
      '/healthz': api,
      '/calendar': api,
    },
  },
  preview: { port: 4173 },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
