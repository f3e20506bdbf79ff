// The app's languages: English (the source) and Simplified Chinese. `npm run i18n:extract` puts
// every message of src/web into the catalogs; the build fails on a message a catalog lacks.
import { defineConfig } from '@lingui/conf';

export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'zh-CN'],
  catalogs: [{ path: '<rootDir>/src/web/locales/{locale}', include: ['<rootDir>/src/web'], exclude: ['**/*.test.*'] }],
  // No source line numbers in the catalogs: a moved line is not a changed message.
  format: 'po',
  formatOptions: { lineNumbers: false },
  orderBy: 'message',
});
