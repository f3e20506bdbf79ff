import { defineConfig } from '@playwright/test';
import { CHROMIUM, INTEGRATION_SPEC } from './playwright.config.ts';

// `npm run test:integration` (after `npm run build`): the tests that install from the package
// registry, so they need the network and minutes, and start their own servers from the build.
export default defineConfig({
  testDir: 'e2e',
  testMatch: INTEGRATION_SPEC,
  retries: 0,
  timeout: 180_000,
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright-integration.json' }]],
  use: { trace: 'retain-on-failure', launchOptions: CHROMIUM },
});
