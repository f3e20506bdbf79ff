import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    target: 'es2022',
    // No data: URLs: the CSP allows images and fonts from 'self' only.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npm run dev`: the console server (`npm start`) answers /api.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
