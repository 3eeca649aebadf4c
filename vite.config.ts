import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/, builds into dist/web/, and is served by the API process (src/platform/web).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/ogc': 'http://localhost:3000',
      '/tiles': 'http://localhost:3000',
    },
  },
});
