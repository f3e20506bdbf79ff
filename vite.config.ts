import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  // Brotli and gzip copies of every asset, written once at build; the server sends the one the
  // browser accepts (@fastify/static `preCompressed`) without compressing on each request.
  plugins: [react(), tailwindcss(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
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
