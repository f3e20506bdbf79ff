// The secret page's Activity (CTS traces of the CSMS calls on the secret, from the emulator that
// records each call it serves, reads included here): changes only by default, reads and the
// console's own reads on request, a window, filters in the address, paging; the stage history
// from the same traces; CTS refused or down said in its section, the rest untouched.
import type { Page } from '@playwright/test';
import { DEMO_IAM } from '../src/emulator/demo-seed.ts';
import { emulatorAdmin } from '../src/emulator/testing/admin-client.ts';
import { ACTIVITY_PAGE_SIZE } from '../src/shared/cts.ts';
import { countRequests, EMULATOR_URL, expect, secretPath, test } from './fixtures.ts';

const admin = emulatorAdmin(EMULATOR_URL);
const activity = (page: Page) => page.getByRole('table', { name: 'Activity' });
const activityRows = (page: Page) =>
  activity(page)
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });

/** Traces are written within a second of the call: open the page until the newest is listed. */
async function openWhenRecorded(page: Page, url: string, operation: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(activityRows(page).filter({ hasText: operation }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}

test('lists the calls on the secret, newest first: time, user, operation, source IP, result, request id', async ({
  page,
  projectId,
  csms,
}) => {
  await csms.createSecret({ name: 'svc-key', secret_string: 'activity-value-1' });
  await csms.createVersion('svc-key', { secret_string: 'activity-value-2' });
  await csms.updateStage('svc-key', 'SYSCURRENT', 'v1');
  await openWhenRecorded(page, secretPath(projectId, 'svc-key'), 'UpdateSecretStage');
  // Changes only, by default: the page's own reads are not among them.
  const ops = await activityRows(page).locator('td:nth-child(3)').allTextContents();
  expect(ops).toEqual(['UpdateSecretStage', 'CreateSecretVersion', 'CreateSecret']);
  const row = activityRows(page).filter({ hasText: 'UpdateSecretStage' });
  await expect(row.locator('td').nth(1)).toHaveText(DEMO_IAM.domain);
  await expect(row.locator('td').nth(3)).toHaveText('127.0.0.1');
  await expect(row.locator('td').nth(4)).toHaveText('200');
  await expect(row.locator('td').nth(5)).toHaveText(/^[0-9a-f-]{16,}$/);

  // The stage history, from the same records: SYSCURRENT went back to v1, by whom.
  const history = page.getByRole('list', { name: 'Stage history' });
  await expect(history.getByRole('listitem').first()).toContainText(`SYSCURRENT: v2 → v1by ${DEMO_IAM.domain} · UpdateSecretStage`);
});

test('filters by operation and user (kept in the address), a bad user name refused before any request', async ({
  page,
  projectId,
  csms,
}) => {
  await csms.createSecret({ name: 'svc-key', secret_string: 'x' });
  await csms.updateStage('svc-key', 'blue', 'v1');
  await openWhenRecorded(page, secretPath(projectId, 'svc-key'), 'UpdateSecretStage');
  const traceCalls = countRequests(page, /\/traces$/);

  await page.getByLabel('Operation').selectOption('UpdateSecretStage');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/op=UpdateSecretStage/);
  await expect(activityRows(page)).toHaveCount(1);
  await expect(activityRows(page)).toContainText('UpdateSecretStage');

  const before = traceCalls.count;
  await page.getByLabel('User').fill('no/such user');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('A user name is 1 to 64 letters')).toBeVisible();
  expect(traceCalls.count).toBe(before);

  await page.getByLabel('User').fill('someone-else');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('No call in the last 7 days matches.')).toBeVisible();
  await page.getByLabel('User').fill(DEMO_IAM.domain);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(activityRows(page)).toHaveCount(1);
  // The filtered view is a link.
  await page.reload();
  await expect(page.getByLabel('Operation')).toHaveValue('UpdateSecretStage');
  await expect(activityRows(page)).toHaveCount(1);
});

test("pages with CTS's marker: Load more until the last page", async ({ page, projectId, csms }) => {
  await csms.createSecret({ name: 'busy', secret_string: 'x' });
  await admin.addTraces(
    projectId,
    Array.from({ length: 60 }, (_, i) => ({ operation: 'ShowSecret' as const, secret_name: 'busy', time: `-${i + 1}h`, user: 'reader' })),
  );
  await page.goto(`${secretPath(projectId, 'busy')}?reads=1`);
  // A page of CTS's (its size) at a time, read on while the console's own reads left too few rows.
  const loadMore = page.getByRole('button', { name: 'Load more' });
  await expect(loadMore).toBeVisible();
  const first = await activityRows(page).count();
  expect(first).toBeGreaterThanOrEqual(ACTIVITY_PAGE_SIZE - 5);
  expect(first).toBeLessThan(61);
  for (let shown = first; shown < 61;) {
    await loadMore.click();
    await expect.poll(() => activityRows(page).count()).toBeGreaterThan(shown);
    shown = await activityRows(page).count();
  }
  // 60 seeded reads and CreateSecret; the console's own reads as the page opened are hidden.
  await expect(activityRows(page)).toHaveCount(61);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});

test('CTS refuses (no cts:trace:list): the section says so, the rest of the page is untouched', async ({
  page,
  projectId,
  csms,
  emulator,
}) => {
  await csms.createSecret({ name: 'svc-key', secret_string: 'x' });
  await emulator.addFault({
    path: `/v3/${projectId}/traces`,
    status: 403,
    body: { error_code: 'CTS.0003', error_msg: "Policy doesn't allow cts:trace:list to be performed." },
    count: 50,
  });
  await page.goto(secretPath(projectId, 'svc-key'));
  const refused = page.getByRole('alert').filter({ hasText: 'The activity could not be read from CTS' });
  await expect(refused).toContainText('This call needs the IAM permission cts:trace:list on this project.');
  await expect(refused).toContainText('CTS.0003');
  await expect(page.getByRole('button', { name: 'Copy error details' }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Versions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Metadata' })).toBeVisible();
});

test('CTS down: the section says so, the rest of the page is untouched', async ({ page, projectId, csms, emulator }) => {
  await csms.createSecret({ name: 'svc-key', secret_string: 'x' });
  await emulator.addFault({ path: `/v3/${projectId}/traces`, status: 503, count: 100 });
  await page.goto(secretPath(projectId, 'svc-key'));
  await expect(page.getByRole('table', { name: 'Versions' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The activity could not be read from CTS' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'The activity could not be read from CTS' })).toContainText('HTTP');
});

test("by default changes only: reads, and the console's own reads, each shown on request and kept in the address", async ({
  page,
  projectId,
  csms,
}) => {
  await csms.createSecret({ name: 'leaky', secret_string: 'x' });
  await admin.addTraces(projectId, [{ operation: 'ShowSecretVersion', secret_name: 'leaky', time: '-2h', user: 'reader' }]);
  await openWhenRecorded(page, secretPath(projectId, 'leaky'), 'CreateSecret');
  await expect(page.getByText('Changes only: reads are hidden.')).toBeVisible();
  await expect(activityRows(page).locator('td:nth-child(3)')).toHaveText(['CreateSecret']);

  await page.getByLabel('Show reads').check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/reads=1/);
  // Someone else's read shows; the console's own (its key read the secret as the page opened) do not.
  await expect(activityRows(page).filter({ hasText: 'ShowSecretVersion' })).toContainText('reader');
  await expect(activityRows(page).filter({ hasText: 'ShowSecret' })).toHaveCount(1);

  await page.getByLabel("Show the console's own reads").check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/own=1/);
  await expect(
    activityRows(page)
      .filter({ hasText: /^.*ListSecretVersions/ })
      .first(),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Show the console's own reads")).toBeChecked();
  await expect(activityRows(page).filter({ hasText: 'ListSecretVersions' }).first()).toBeVisible();
});

test('a window around a time (± 1 hour, ± 1 day) or from–to, in the address; an unreadable one said with its fix', async ({
  page,
  projectId,
  csms,
}) => {
  await csms.createSecret({ name: 'windowed', secret_string: 'x' });
  await admin.addTraces(projectId, [
    { operation: 'UpdateSecret', secret_name: 'windowed', time: '-30h', user: 'early' },
    { operation: 'UpdateSecret', secret_name: 'windowed', time: '-5h', user: 'late' },
  ]);
  await page.goto(secretPath(projectId, 'windowed'));
  await page.evaluate(() => localStorage.setItem('csms-console:time-zone', 'utc'));
  await page.reload();
  await expect(activityRows(page).filter({ hasText: 'UpdateSecret' })).toHaveCount(2);

  const field = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  await page.getByLabel('When').selectOption('1h');
  await page.getByLabel('Around (UTC)').fill(field(Date.now() - 5 * 3600_000));
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/around=.*Z&span=1h|span=1h.*around=/);
  await expect(activityRows(page)).toHaveCount(1);
  await expect(activityRows(page)).toContainText('late');

  await page.getByLabel('When').selectOption('1d');
  await page.getByLabel('Around (UTC)').fill(field(Date.now() - 31 * 3600_000));
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(activityRows(page)).toHaveCount(1);
  await expect(activityRows(page)).toContainText('early');

  await page.getByLabel('When').selectOption('custom');
  await page.getByLabel('From (UTC)').fill(field(Date.now() - 40 * 3600_000));
  await page.getByLabel('To (UTC)').fill(field(Date.now() - 4 * 3600_000));
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/from=.*&to=/);
  await expect(activityRows(page).filter({ hasText: 'UpdateSecret' })).toHaveCount(2);
  await page.reload();
  await expect(activityRows(page).filter({ hasText: 'UpdateSecret' })).toHaveCount(2);
  await expect(activityRows(page).filter({ hasText: 'CreateSecret' })).toHaveCount(0);

  await page.goto(`${secretPath(projectId, 'windowed')}?around=yesterday`);
  const problem = page.getByRole('alert').filter({ hasText: 'which is not a time' });
  await expect(problem).toContainText('around=“yesterday”');
  await problem.getByRole('link', { name: 'Open this page without it' }).click();
  await expect(activityRows(page).filter({ hasText: 'UpdateSecret' })).toHaveCount(2);
});
