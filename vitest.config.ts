import { lingui } from '@lingui/vite-plugin';
import babel from '@rolldown/plugin-babel';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Lingui's macros and catalogs compiled as in the build, so pure logic that speaks (a form's
  // problems, a name's) is tested in both languages.
  plugins: [babel({ plugins: ['@lingui/babel-plugin-lingui-macro'], include: /src\/web\/.*\.tsx?$/ }), lingui()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/web/i18n/test-setup.ts'],
    globalSetup: ['src/server/testing/temp-root.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    testTimeout: 20_000,
  },
});
