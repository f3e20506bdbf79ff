// A reveal by one person is a value read another person sees, across two console instances that
// share one Redis (CONSOLE_REDIS_URL), each with IAM sign-in: the operator reveals on instance 1,
// the auditor opens the secret on instance 2 and finds the operator's read, with its instance.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { E2E_PORT } from '../playwright.config.ts';
import { DEMO_IAM, DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { untilPrinted } from '../src/server/testing/processes.ts';
import { startRedisServer } from '../src/server/testing/redis-server.ts';
import { expect, secretPath, test } from './fixtures.ts';

// Ports of this file's own: the two instances and the emulator the first embeds.
const [ONE, TWO, EMULATOR] = [E2E_PORT + 2, E2E_PORT + 3, E2E_PORT + 4];
const { production } = DEMO_PROJECTS;
const [operator, auditor] = DEMO_IAM.users;

let redis: Awaited<ReturnType<typeof startRedisServer>>;
const servers: ChildProcess[] = [];

/** A console instance of its own process, on Redis, with IAM sign-in; ready once it says so. */
async function startInstance(name: string, port: number, env: Record<string, string>) {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      CONSOLE_AUTH: 'iam',
      CONSOLE_INSTANCE: name,
      CONSOLE_REDIS_URL: redis.url,
      CONSOLE_SESSION_KEY: '9'.repeat(64),
      CONSOLE_AUDIT_LOG: `.test-results/audit-${name}.log`,
      CONSOLE_SIGN_INS_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(server);
  await untilPrinted(server, /CSMS console\s+http:\/\//);
}

test.beforeAll(async () => {
  redis = await startRedisServer();
  // Instance 1 embeds the emulator (CSMS, CTS and IAM); instance 2 reaches it as a cloud would.
  await startInstance('console-1', ONE, {
    CSMS_EMULATOR_PORT: String(EMULATOR),
    CSMS_EMULATOR_DB: ':memory:',
    CSMS_EMULATOR_SEED: 'demo',
  });
  const emulator = `http://127.0.0.1:${EMULATOR}`;
  await startInstance('console-2', TWO, {
    CSMS_ENDPOINT: emulator,
    CSMS_CTS_ENDPOINT: emulator,
    CSMS_REGION: production.region,
    CSMS_IAM_ENDPOINT: emulator,
  });
});
test.afterAll(async () => {
  for (const server of servers) server.kill();
  await redis?.stop();
});

async function signIn(page: Page, user: { name: string; password: string }) {
  await page.getByLabel('Account name').fill(DEMO_IAM.domain);
  await page.getByLabel('IAM user name').fill(user.name);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test("the operator's reveal on instance 1 is a value read the auditor sees on instance 2", async ({ browser }) => {
  const operatorContext = await browser.newContext();
  const operatorPage = await operatorContext.newPage();
  await operatorPage.goto(`http://127.0.0.1:${ONE}${secretPath(production.id, 'grafana-admin')}/versions/v1`);
  await signIn(operatorPage, operator!);
  await operatorPage.getByRole('button', { name: 'Reveal value' }).click();
  await expect(operatorPage.getByRole('button', { name: 'Hide value' })).toBeVisible();
  await operatorContext.close();

  const auditorContext = await browser.newContext();
  const page = await auditorContext.newPage();
  await page.goto(`http://127.0.0.1:${TWO}${secretPath(production.id, 'grafana-admin')}`);
  await signIn(page, auditor!);
  const reads = page.getByTestId('value-reads');
  await expect(reads).toContainText('Recorded by every instance of this console');
  const row = reads.getByRole('row').filter({ hasText: operator!.name }).filter({ hasText: 'revealed' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('v1');
  await expect(row).toContainText('console-1');
  await auditorContext.close();
});
