import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// In development the API runs on :3000; in production it serves this build itself (same origin).
const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [
    react(),
    // The check-in station works offline: a service worker (Workbox, generated at build time) precaches the
    // built app shell — index.html, every script and style chunk, the locale chunks and the ZXing .wasm — and
    // answers navigations under /station with the cached index.html. It is registered only by the station
    // pages, with scope /station, so no other page is ever controlled by it; GraphQL is never cached (the
    // station falls back to its IndexedDB copy). A new build waits until the station asks it to take over
    // (docs/checkin-station.md).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      scope: '/station',
      filename: 'station-sw.js',
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,ico,woff2}'],
        // The ZXing reader is about 1 MB; antd's chunk is larger than Workbox's 2 MiB default allows too.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackAllowlist: [/^\/station(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
        runtimeCaching: [],
      },
    }),
  ],
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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is large; it gets its own long-cached chunk rather than hiding inside a page chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
