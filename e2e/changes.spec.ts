// The project change feed: "what changed in this project between 13:00 and 15:00 yesterday" in
// one page: every change to any secret in the window, newest first, grouped by secret, reads left
// out, each linking to the secret's activity at that time.
import { emulatorAdmin } from '../src/emulator/testing/admin-client.ts';
import { EMULATOR_URL, expect, test } from './fixtures.ts';

const admin = emulatorAdmin(EMULATOR_URL);
const HOUR = 3600_000;
const address = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

test('every change in the window, by secret, newest first, each linking to the secret then', async ({ page, projectId }) => {
  await admin.addTraces(projectId, [
    { operation: 'UpdateSecret', secret_name: 'db-password', time: '-26h', user: 'before-window' },
    {
      operation: 'CreateSecretVersion',
      secret_name: 'db-password',
      time: '-21h',
      user: 'li.wei',
      version_id: 'v2',
      stages: ['SYSCURRENT'],
    },
    { operation: 'UpdateSecretStage', secret_name: 'api-token', time: '-20h', user: 'wang.fang', version_id: 'v1', stages: ['ROLLBACK'] },
    { operation: 'UpdateSecret', secret_name: 'db-password', time: '-22h', user: 'zhang.min' },
    { operation: 'ShowSecretVersion', secret_name: 'db-password', time: '-21h', user: 'reader' },
    { operation: 'UpdateSecret', secret_name: 'late', time: '-2h', user: 'after-window' },
  ]);
  const now = Date.now();
  await page.goto(`/projects/${projectId}/changes?from=${address(now - 24 * HOUR)}&to=${address(now - 19 * HOUR)}`);
  await expect(page.getByTestId('change-count')).toHaveText('3 changes · 2 secrets');
  const groups = page.getByTestId('secret-changes');
  await expect(groups.getByRole('heading')).toHaveText(['api-token', 'db-password']);
  const db = groups.filter({ has: page.getByRole('heading', { name: 'db-password' }) });
  await expect(db.getByRole('listitem')).toHaveCount(2);
  await expect(db.getByRole('listitem').first()).toContainText('CreateSecretVersionby li.wei');
  await expect(db.getByRole('listitem').nth(1)).toContainText('UpdateSecretby zhang.min');
  await expect(page.getByText('reader')).toHaveCount(0);

  await db.getByRole('listitem').first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/secrets/db-password\\?around=${address(now - 21 * HOUR).slice(0, 11)}.*&span=1h`));
});

test('the window is chosen on the page and kept in the address; a time it cannot read is said with the fix', async ({
  page,
  projectId,
}) => {
  await admin.addTraces(projectId, [{ operation: 'UpdateSecret', secret_name: 'recent', time: '-1h', user: 'ops' }]);
  // A page of the app: the server answers it with the app and 200, not as an unknown address.
  expect((await page.goto(`/projects/${projectId}/changes`))?.status()).toBe(200);
  await expect(page.getByTestId('change-count')).toHaveText('1 change · 1 secret');
  await page.goto(`/projects/${projectId}/changes?from=yesterday&to=2026-12-05T15:00Z`);
  const problem = page.getByRole('alert').filter({ hasText: 'which is not a time' });
  await expect(problem).toContainText('from=“yesterday”');
  await problem.getByRole('link', { name: 'Open this page without it' }).click();
  await expect(page).not.toHaveURL(/from=|to=/);
  await expect(page.getByTestId('change-count')).toHaveText('1 change · 1 secret');
});
