import { lingui } from '@lingui/vite-plugin';
import babel from '@rolldown/plugin-babel';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { catalogParts } from './scripts/catalog-parts.ts';
import { lazyStyles } from './scripts/lazy-styles.ts';
import { sharedChunks } from './scripts/shared-chunks.ts';

// The pages a person lands on: their first load is measured (bench/bundle.ts) and kept small.
const LANDING_PAGE = 'src/web/routes/lookup.tsx';
const SECRET_PAGES = ['src/web/routes/secret-detail.tsx', 'src/web/routes/stage.tsx', 'src/web/routes/version.tsx'];

export default defineConfig({
  // Brotli and gzip copies of every asset, written once at build; the server sends the one the
  // browser accepts (@fastify/static `preCompressed`) without compressing on each request.
  plugins: [
    react(),
    // Lingui's macros (t, Trans, Plural) become catalog lookups at build; the catalogs (.po) are
    // compiled when imported, one chunk per language, and a message a catalog lacks fails the build.
    babel({ plugins: ['@lingui/babel-plugin-lingui-macro'], include: /src\/web\/.*\.tsx?$/ }),
    lingui({ failOnMissing: true, failOnCompileError: true }),
    // The catalog downloaded first holds what every page says; the lookup page and the secret pages
    // each bring a part of their own, and so does each lazy chunk.
    catalogParts({
      locales: ['en', 'zh-CN'],
      pageGroups: [
        { name: 'lookup', pages: [LANDING_PAGE] },
        { name: 'secret-pages', pages: SECRET_PAGES },
      ],
    }),
    tailwindcss(),
    // The classes only code loaded on demand uses, in a stylesheet that loads with that code.
    lazyStyles([LANDING_PAGE, ...SECRET_PAGES]),
    compression({ algorithms: ['brotliCompress', 'gzip'] }),
  ],
  build: {
    target: 'es2022',
    // No data: URLs: the CSP allows images and fonts from 'self' only.
    assetsInlineLimit: 0,
    // Every browser of the es2022 target but Safari before 17 preloads modules itself; there a
    // module loads when imported, as without the hint. No polyfill in every page's first load.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The code the core pages share in two chunks (scripts/shared-chunks.ts), not twenty small ones.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            sharedChunks(
              'src/web/main.tsx',
              [
                { chunk: 'core', pages: [LANDING_PAGE] },
                { chunk: 'secret-pages', pages: SECRET_PAGES },
              ],
              // What only code loaded on demand uses of react-query: useQueries (the palette, the
              // overviews) and useMutation (the value panel). Should a core page start to use one,
              // the bundler still loads it, in a small chunk of its own: the first-load check shows it.
              /[\\/]@tanstack[\\/](react-query|query-core)[\\/]build[\\/]modern[\\/](useQueries|queriesObserver|useMutation|mutationObserver)\.js$/,
            ),
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev`: the console server (`npm start`) answers /api.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
