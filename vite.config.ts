import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';
import { precompress } from './src/server/web-precompress.ts';

const api = 'http://localhost:3000';

/** The web app: source in web/, built to web/dist (served by the server). Tests are configured in vitest.config.ts. */
export default defineConfig({
  // Absolute, so that `tide start` can build the app from any working directory.
  root: path.resolve(import.meta.dirname, 'web'),
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The shared Ant Design chunk is ~750 kB raw (~200 kB as Brotli); pages load in their own chunks.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': { target: api },
      '/healthz': { target: api },
    },
  },
});
