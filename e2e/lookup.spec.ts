import { countRequests, DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

test('/ opens the project used last, and lists its secrets', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT, 'jwt-signing-key'));
  await expect(page.getByRole('heading', { name: 'jwt-signing-key', level: 1 })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(secretPath(DEMO_PROJECT));
  await expect(page.getByRole('heading', { name: 'Secrets', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'kafka-sasl-credentials' })).toBeVisible();
  await expect(page.getByLabel('Project')).toHaveValue(DEMO_PROJECT);
  await expect(page.getByText('22 secrets')).toBeVisible();
});

test('filters by substring as you type, and keeps the search in the URL', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await page.getByLabel('Secret name').fill('postgres');
  await expect(page.getByText('1 of 22 secrets match')).toBeVisible();
  await expect(page).toHaveURL(/\?q=postgres$/);
  await expect(page.getByRole('link', { name: 'prod-postgres-app' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'kafka-sasl-credentials' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Secret name')).toHaveValue('postgres');
  await expect(page.getByText('1 of 22 secrets match')).toBeVisible();
});

test('sorts by a column, the order kept in the address', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  const firstName = page.getByRole('row').nth(1).getByRole('link');
  await expect(firstName).toHaveText('ci-npm-token');
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  await expect(firstName).toHaveText('webhook-signing-secret');
  await expect(page).toHaveURL(/\?sort=-name$/);
});

test('sorts states by severity, the worst first, and Back keeps the order', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await page.getByLabel('Secret name').fill('e');
  await page.getByRole('button', { name: 'State' }).click();
  await expect(page).toHaveURL(/\?(q=e&sort=state|sort=state&q=e)$/);
  const names = page.getByRole('row').getByRole('link');
  await expect(names.nth(0)).toHaveText('legacy-ldap-bind'); // pending deletion
  await expect(names.nth(1)).toHaveText('partner-sftp-key'); // frozen
  await expect(names.nth(2)).toHaveText('redis-cache-password'); // disabled
  await names.nth(1).click();
  await expect(page.getByRole('heading', { name: 'partner-sftp-key', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('columnheader', { name: 'State' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByLabel('Secret name')).toHaveValue('e');
  await expect(names.nth(0)).toHaveText('legacy-ldap-bind');
});

test('the list scrolls with the page, and Back returns to the same rows', async ({ page, projectId, csms }) => {
  const names = Array.from({ length: 300 }, (_, i) => `app-${String(i).padStart(3, '0')}`);
  for (let i = 0; i < names.length; i += 50)
    await Promise.all(names.slice(i, i + 50).map((name) => csms.createSecret({ name, secret_string: 'x' })));
  await page.goto(secretPath(projectId));
  await expect(page.getByText('300 secrets', { exact: true })).toBeVisible();
  // One scroll area, the page's: the list is as tall as its rows, and only some are rendered.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(300 * 41);
  await page.evaluate(() => window.scrollTo(0, 6000));
  const topRow = async () => page.evaluate(() => document.elementFromPoint(40, 200)?.closest('tr')?.querySelector('a')?.textContent ?? '');
  await expect.poll(topRow).toMatch(/^app-1\d\d$/);
  const seen = await topRow();
  expect(await page.getByRole('row').count()).toBeLessThan(100);
  await page.getByRole('link', { name: seen, exact: true }).click();
  await expect(page.getByRole('heading', { name: seen, level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0); // a new page opens at the top
  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(6000);
  await expect.poll(topRow).toBe(seen);
});

test('checks the name as you type, with no request for an invalid one', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  const lookups = countRequests(page, /^\/api\/v1\/[0-9a-f]+\/secrets\/.+/);
  const input = page.getByLabel('Secret name');
  await input.fill('bad name!');
  await expect(page.getByText('Secret name may contain only letters, digits, "_" and "-".')).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.press('Enter');
  await input.fill('x'.repeat(65));
  await expect(page.getByText('Secret name is at most 64 characters (this one has 65).')).toBeVisible();
  await input.press('Enter');
  expect(lookups.count).toBe(0);
});

test('Enter opens an existing secret, or says it does not exist', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  const input = page.getByLabel('Secret name');
  await input.fill('no-such-secret');
  await input.press('Enter');
  await expect(page.getByText('No secret named no-such-secret exists in this project.')).toBeVisible();
  await input.fill('jwt-signing-key');
  await input.press('Enter');
  await expect(page).toHaveURL(secretPath(DEMO_PROJECT, 'jwt-signing-key'));
  await expect(page.getByRole('heading', { name: 'jwt-signing-key', level: 1 })).toBeVisible();
});

test('"/" focuses the search', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await page.getByRole('heading', { name: 'Secrets', level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Secret name')).toBeFocused();
});

test('switches project', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await page.getByLabel('Project').selectOption({ label: 'ap-southeast-1_staging · ap-southeast-1' });
  await expect(page.getByRole('link', { name: 'staging-postgres-app' })).toBeVisible();
  await expect(page.getByText('12 secrets')).toBeVisible();
});

test('loads every page of a large project, virtualized', async ({ page, projectId, csms }) => {
  const names = Array.from({ length: 1150 }, (_, i) => `svc-${String(i).padStart(4, '0')}`);
  for (let i = 0; i < names.length; i += 50)
    await Promise.all(names.slice(i, i + 50).map((name) => csms.createSecret({ name, secret_string: 'x' })));
  const pages = countRequests(page, /^\/api\/v1\/[0-9a-f]+\/secrets$/);
  await page.goto(secretPath(projectId));
  await expect(page.getByText('1,150 secrets', { exact: true })).toBeVisible({ timeout: 15_000 });
  expect(pages.count).toBe(3); // 100 + 1000 + 50
  expect(await page.getByRole('row').count()).toBeLessThan(80);
  await page.getByLabel('Secret name').fill('svc-1149');
  await expect(page.getByRole('link', { name: 'svc-1149' })).toBeVisible();
});

test('an empty project says so', async ({ page, projectId }) => {
  await page.goto(secretPath(projectId));
  await expect(page.getByText('This project has no secrets.')).toBeVisible();
  await expect(page.getByLabel('Project')).toHaveValue(projectId);
});

test('Enter never opens a partial name: it offers the matches, a name that differs in case, and counts several', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  const input = page.getByLabel('Secret name');
  await input.fill('smtp');
  await input.press('Enter');
  await expect(page.getByText('No secret is named smtp in this project; 1 secret matches:')).toBeVisible();
  await page.getByRole('list', { name: 'Secrets that match' }).getByRole('link', { name: 'smtp-relay' }).click();
  await expect(page.getByRole('heading', { name: 'smtp-relay', level: 1 })).toBeVisible();

  await page.goBack();
  await input.fill('JWT-SIGNING-KEY');
  await input.press('Enter');
  await expect(
    page.getByText('No secret is named JWT-SIGNING-KEY (names are case-sensitive). Did you mean jwt-signing-key?'),
  ).toBeVisible();
  await expect(page).toHaveURL(/\?q=JWT-SIGNING-KEY$/);

  await input.fill('admin');
  await expect(page.getByText('2 of 22 secrets match')).toBeVisible();
  await input.press('Enter');
  await expect(page.getByText('No secret is named admin in this project; 2 secrets match:')).toBeVisible();
  await expect(page).toHaveURL(/\?q=admin$/);
  await expect(page.getByText(/No secret named/)).toHaveCount(0);

  await input.fill('JWT-SIGNING-KEY');
  await input.press('Enter');
  await page.getByRole('link', { name: 'jwt-signing-key' }).first().click();
  await expect(page.getByRole('heading', { name: 'jwt-signing-key', level: 1 })).toBeVisible();
});

test('Enter offers the secrets the list shows: a tag value counts, a filter narrows', async ({ page, projectId, csms, emulator }) => {
  const tagged = await csms.createSecret({ name: 'alpha', secret_string: 'x' });
  await csms.createTag(tagged.body.secret.id, { tag: { key: 'team', value: 'blue' } });
  await csms.createSecret({ name: 'beta', secret_string: 'x', description: 'the blue team' });
  await csms.createSecret({ name: 'gamma', secret_string: 'x' });
  await page.goto(secretPath(projectId));
  const input = page.getByLabel('Secret name');
  await input.fill('blue');
  await expect(page.getByText('2 of 3 secrets match')).toBeVisible();
  await input.press('Enter');
  await expect(page.getByText('No secret is named blue in this project; 2 secrets match:')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Secrets that match' }).getByRole('link')).toHaveText(['alpha', 'beta']);

  // Only enabled secrets shown, and one of them matches: Enter offers that one only.
  await emulator.setState(projectId, 'alpha', 'DISABLED');
  await page.goto(`${secretPath(projectId)}?state=ENABLED&q=blue`);
  await expect(page.getByText('1 of 3 secrets match')).toBeVisible();
  await page.getByLabel('Secret name').press('Enter');
  await expect(page.getByRole('list', { name: 'Secrets that match' }).getByRole('link')).toHaveText(['beta']);
});

for (const [status, body] of [
  [403, { error_code: 'CSMS.0403', error_msg: "Policy doesn't allow csms:secret:list to be performed by x." }],
  [500, { error_code: 'CSMS.0001', error_msg: 'Internal error.' }],
] as const)
  test(`a ${status} on the list keeps the name box working, the error in the list's place`, async ({ page, projectId, csms, emulator }) => {
    await csms.createSecret({ name: 'db', secret_string: 'x' });
    // The overview's sweep, asked for beside the list, lists the secrets too: the fault holds until
    // the list's error is seen, whichever of them used its answers.
    const fault = await emulator.addFault({ path: `/v1/${projectId}/secrets$`, count: 100, status, body });
    await page.goto(secretPath(projectId));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The secrets could not be listed', { timeout: 15_000 });
    await emulator.removeFault(fault.id);
    await expect(alert).toContainText(body.error_code);
    if (status === 403) await expect(alert).toContainText('needs the IAM permission csms:secret:list');
    await expect(page.getByRole('heading', { name: 'Secrets', level: 1 })).toBeVisible();
    const input = page.getByLabel('Secret name');
    await input.fill('db');
    await input.press('Enter');
    await expect(page.getByRole('heading', { name: 'db', level: 1 })).toBeVisible();
  });

test('sorts by attention, the most urgent first', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await page.getByRole('button', { name: 'Attention' }).click();
  await expect(page).toHaveURL(/\?sort=attention$/);
  await expect(page.getByRole('columnheader', { name: 'Attention' })).toHaveAttribute('aria-sort', 'ascending');
  const rows = page.getByRole('row');
  await expect(rows.nth(1)).toContainText('Rotation failed');
  await expect(rows.nth(1).getByRole('link')).toHaveText('obs-backup-access-key');
});

test('简体中文: sorts by attention (待处理)', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT)}?lang=zh-CN`);
  await page.getByRole('button', { name: '待处理' }).click();
  await expect(page.getByRole('columnheader', { name: '待处理' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('row').nth(1).getByRole('link')).toHaveText('obs-backup-access-key');
});
