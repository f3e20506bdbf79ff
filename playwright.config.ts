import { defineConfig } from '@playwright/test';
import { DEMO_PROJECTS } from './src/emulator/demo-seed.ts';

// End-to-end tests run against the production build, served by the real console server with the
// embedded emulator (demo data, fault injection on), in Debian's Chromium.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8181);
export const EMULATOR_PORT = E2E_PORT + 10;
/** A second console, with per-user IAM sign-in (CONSOLE_AUTH=iam), for the e2e files named *sign-in.spec.ts. */
export const E2E_IAM_PORT = E2E_PORT + 1;
export const IAM_EMULATOR_PORT = E2E_IAM_PORT + 10;
/** A dashboard page (served by e2e/overview.spec.ts) that may frame the overview. */
export const DASHBOARD_PORT = E2E_PORT + 7;
const SIGN_IN_SPEC = /sign-in\.spec\.ts$/;
/** Tests that reach the package registry, run by `npm run test:integration` (playwright.integration.config.ts), not `npm test`. */
export const INTEGRATION_SPEC = /runtime-layout\.spec\.ts$/;

/** Debian's Chromium, started as this machine allows (its closed network refuses background calls). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // In CI a test that fails is run once more, and one that passes only then is named as flaky in the
  // summary (scripts/test-summary.mjs): a timing slip on a loaded machine is seen, and does not
  // hold back a change it has nothing to do with. Locally every failure stands.
  retries: process.env.CI ? 1 : 0,
  // CI machines have 2 cores shared by two browsers, the server and the emulator: a first paint of a
  // cold deep link there has taken over 5 s. The waits are on conditions, so a longer limit only
  // slows a test that fails anyway.
  timeout: process.env.CI ? 45_000 : 30_000,
  expect: { timeout: process.env.CI ? 10_000 : 5_000 },
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  projects: [
    { name: 'console', testIgnore: [SIGN_IN_SPEC, INTEGRATION_SPEC] },
    // One IAM emulator and one audit log for these files, whose tokens a test may expire and whose
    // audit lines a test counts: one worker, so their tests run one after another.
    {
      name: 'sign-in',
      testMatch: SIGN_IN_SPEC,
      fullyParallel: false,
      workers: 1,
      use: { baseURL: `http://127.0.0.1:${E2E_IAM_PORT}` },
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM,
  },
  // Started in order: the first builds the app, the second serves the same build.
  webServer: [
    {
      // The server's own output is kept: the leak suite searches it for values and tokens.
      command: 'npm run build --silent && mkdir -p .test-results && node --import tsx src/server/main.ts > .test-results/server.log 2>&1',
      url: `http://127.0.0.1:${E2E_PORT}/`,
      reuseExistingServer: false,
      // The build takes about 15 s on two idle cores, minutes on busy ones.
      timeout: 300_000,
      stdout: 'ignore',
      env: {
        PORT: String(E2E_PORT),
        CSMS_EMULATOR_PORT: String(EMULATOR_PORT),
        CSMS_EMULATOR_DB: ':memory:',
        CSMS_EMULATOR_SEED: 'demo',
        CSMS_EMULATOR_FAULTS: '1',
        // CTS with query reporting on: Activity must hide the reads by default, and show them on request.
        CSMS_EMULATOR_CTS_READS: '1',
        CONSOLE_AUDIT_LOG: '.test-results/audit.log',
        CSMS_UPSTREAM_TIMEOUT_MS: '3000',
        // Every test reads values from the same client address.
        CONSOLE_VALUE_READS_PER_MINUTE: '100000',
        // The overview pages may be framed by this (test) dashboard; nothing else may.
        CONSOLE_FRAME_ANCESTORS: `http://127.0.0.1:${DASHBOARD_PORT}`,
        // The demo's production project is marked so on every page.
        CONSOLE_PROJECT_LABELS: `${DEMO_PROJECTS.production.name}=production`,
        LOG_LEVEL: 'info',
      },
    },
    {
      command: 'node --import tsx src/server/main.ts > .test-results/server-iam.log 2>&1',
      url: `http://127.0.0.1:${E2E_IAM_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      env: {
        PORT: String(E2E_IAM_PORT),
        CONSOLE_AUTH: 'iam',
        CSMS_EMULATOR_PORT: String(IAM_EMULATOR_PORT),
        CSMS_EMULATOR_DB: ':memory:',
        CSMS_EMULATOR_SEED: 'demo',
        CSMS_EMULATOR_FAULTS: '1',
        CONSOLE_AUDIT_LOG: '.test-results/audit-iam.log',
        CONSOLE_SIGN_INS_PER_MINUTE: '1000',
        LOG_LEVEL: 'info',
      },
    },
  ],
});
