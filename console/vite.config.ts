import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const api = 'http://127.0.0.1:4000';

export default defineConfig({
  base: '/console/',
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/webhooks': { target: api, changeOrigin: true },
    },
  },
});
