// A secret's page tells its health as the overview does (a failed rotation with its error and
// attempts, an expired version that holds a stage), reads the rotation tasks beside its other
// reads, says "unknown" with the permission when they cannot be read, and its Copy summary says
// the same; the compare result copies as text without a value.
import { DEMO_PROJECT, expect, expectClipboard, secretPath, test } from './fixtures.ts';

const health = (page: import('@playwright/test').Page) => page.getByTestId('secret-health');

test.describe('the health of a secret on its page and in its summary', () => {
  test.beforeEach(async ({ context }) => context.grantPermissions(['clipboard-read', 'clipboard-write']));

  test('the failed rotation of obs-backup-access-key: error code, message, attempts, when', async ({ page }) => {
    await page.goto(secretPath(DEMO_PROJECT, 'obs-backup-access-key'));
    await expect(health(page)).toContainText('Critical');
    await expect(health(page)).toContainText('Rotation failed');
    await expect(health(page)).toContainText('The last rotation failed 3 hours ago, after 3 attempts.');
    await expect(health(page)).toContainText('FSS.0409 Function obs-ak-rotation returned an error');
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await expectClipboard(page).toMatch(
      /Health:\n {2}CRITICAL The last rotation failed \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, after 3 attempts: FSS\.0409 Function obs-ak-rotation/,
    );
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expectClipboard(page).toContain('**Health**\n\n- CRITICAL The last rotation failed');
  });

  test("ci-npm-token's expired version holding SYSPREVIOUS: on its page, its version's page and its summary", async ({ page }) => {
    await page.goto(secretPath(DEMO_PROJECT, 'ci-npm-token'));
    await expect(health(page)).toContainText(/Version v2, holding SYSPREVIOUS, expired 10 days ago/);
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await expectClipboard(page).toMatch(/HIGH Version v2, holding SYSPREVIOUS, expired \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\./);
    await page.goto(`${secretPath(DEMO_PROJECT, 'ci-npm-token')}/versions/v2`);
    await expect(health(page)).toContainText('SYSPREVIOUS expired');
    await page.goto(`${secretPath(DEMO_PROJECT, 'ci-npm-token')}/versions/v3`);
    await expect(health(page)).toContainText('Nothing needs attention.');
  });

  test('in 简体中文', async ({ page }) => {
    await page.goto(`${secretPath(DEMO_PROJECT, 'obs-backup-access-key')}?lang=zh-CN`);
    await expect(health(page)).toContainText('紧急');
    await expect(health(page)).toContainText('FSS.0409');
    await page.getByRole('button', { name: '复制摘要' }).click();
    await expectClipboard(page).toMatch(/健康状况:\n {2}紧急 上次轮转于 .* UTC 失败，共 3 次尝试：FSS\.0409/);
    await page.goto(`${secretPath(DEMO_PROJECT, 'ci-npm-token')}?lang=zh-CN`);
    await page.getByRole('button', { name: '复制摘要' }).click();
    await expectClipboard(page).toMatch(/版本 v2（状态 SYSPREVIOUS）已于 .* UTC 过期。/);
  });
});

test("the rotation tasks are read beside the page's own reads, not after them: slow versions do not hold them back", async ({
  page,
  projectId,
  csms,
  emulator,
}) => {
  await csms.createSecret({ name: 'svc-key', secret_string: 'x' });
  await emulator.addFault({ path: `/v1/${projectId}/secrets/svc-key/versions`, method: 'GET', delay_ms: 1500, count: 5 });
  const seen: Record<string, number> = {};
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.endsWith('/csms/tasks')) seen.tasksAsked ??= Date.now();
  });
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.endsWith('/secrets/svc-key/versions')) seen.versionsAnswered ??= Date.now();
  });
  await page.goto(secretPath(projectId, 'svc-key'));
  await expect(health(page)).toContainText('Nothing needs attention.', { timeout: 15_000 });
  expect(seen.tasksAsked).toBeLessThan(seen.versionsAnswered!);
});

test('tasks that cannot be read: the last rotation is unknown, and the permission is named', async ({
  page,
  projectId,
  csms,
  emulator,
}) => {
  await csms.createSecret({ name: 'svc-key', secret_string: 'x' });
  await emulator.addFault({
    path: `/v1/${projectId}/csms/tasks`,
    status: 403,
    body: { error_code: 'CSMS.0403', error_msg: 'Policy does not allow csms:task:list.' },
    count: 20,
  });
  await page.goto(secretPath(projectId, 'svc-key'));
  await expect(health(page)).toContainText(
    'Last rotation: unknown. The rotation tasks could not be read (Policy does not allow csms:task:list.); reading them needs the IAM permission',
  );
  await expect(health(page).locator('code')).toHaveText(/csms/);
});

test('Copy result: the verdict, fingerprints and key by key changes, never a value', async ({ page, projectId, csms, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const CANARY = 'COPYRESULTCANARY';
  await csms.createSecret({ name: 'app-config', secret_string: JSON.stringify({ user: 'app', password: `${CANARY}-1` }) });
  await csms.createVersion('app-config', { secret_string: JSON.stringify({ user: 'app', password: 7, host: `${CANARY}-h` }) });
  await page.goto(`${secretPath(projectId, 'app-config')}/compare?a=v1&b=v2`);
  await expect(page.getByText('Different values: A and B are not equal.')).toBeVisible();
  const [a, b] = await page.getByTestId('fingerprint').allTextContents();
  await page.getByRole('button', { name: 'Copy result', exact: true }).click();
  const text = await expectClipboard(page)
    .toContain('Different values: A and B are not equal.')
    .then(() => page.evaluate(() => navigator.clipboard.readText()));
  expect(text).toContain(`A ${projectId}/app-config/v1:\n  Version v1`);
  expect(text).toContain(`Fingerprint ${a}`);
  expect(text).toContain(`Fingerprint ${b}`);
  expect(text).toContain('JSON object, 2 keys');
  expect(text).toContain('  password: changed (string → number)');
  expect(text).toContain('  host: added (only in B) (— → string)');
  expect(text).not.toContain(CANARY);
  await page.getByRole('button', { name: 'Copy result as Markdown' }).click();
  await expectClipboard(page).toContain('- `password`: changed (string → number)');
});
