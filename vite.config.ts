import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

const api = 'http://localhost:3000';

/** The web app: source in web/, built to web/dist (served by the server). Tests are configured in vitest.config.ts. */
export default defineConfig({
  // Absolute, so that `tide start` can build the app from any working directory.
  root: path.resolve(import.meta.dirname, 'web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': { target: api },
      '/healthz': { target: api },
    },
  },
});
