// The secret page's Activity (CTS traces of the CSMS calls on the secret, from the emulator that
// records each call it serves), its filters and paging; the stage history and "what did a stage
// point at" from the same traces; CTS refused or down said in its section, the rest untouched.
import type { Page } from '@playwright/test';
import { DEMO_IAM } from '../src/emulator/demo-seed.ts';
import { emulatorAdmin } from '../src/emulator/testing/admin-client.ts';
import { ACTIVITY_PAGE_SIZE } from '../src/csms/cts.ts';
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
  const ops = await activityRows(page).locator('td:nth-child(3)').allTextContents();
  // The page's own reads come first (newest); the calls above follow in the order they were made.
  const made = ops.filter((o) => ['CreateSecret', 'CreateSecretVersion', 'UpdateSecretStage'].includes(o));
  expect(made).toEqual(['UpdateSecretStage', 'CreateSecretVersion', 'CreateSecret']);
  const row = activityRows(page).filter({ hasText: 'UpdateSecretStage' });
  await expect(row.locator('td').nth(1)).toHaveText(DEMO_IAM.domain);
  await expect(row.locator('td').nth(3)).toHaveText('127.0.0.1');
  await expect(row.locator('td').nth(4)).toHaveText('200');
  await expect(row.locator('td').nth(5)).toHaveText(/^[0-9a-f-]{16,}$/);

  // The stage history, from the same records: SYSCURRENT went back to v1, by whom.
  const history = page.getByRole('list', { name: 'Stage history' });
  await expect(history.getByRole('listitem').first()).toContainText(`SYSCURRENT → v1 (was v2)by ${DEMO_IAM.domain} · UpdateSecretStage`);
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
  await page.goto(secretPath(projectId, 'busy'));
  await expect(activityRows(page)).toHaveCount(ACTIVITY_PAGE_SIZE);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(activityRows(page)).toHaveCount(2 * ACTIVITY_PAGE_SIZE);
  await page.getByRole('button', { name: 'Load more' }).click();
  // 60 seeded calls and the page's own (CreateSecret, and the reads as the page opened).
  await expect.poll(() => activityRows(page).count()).toBeGreaterThanOrEqual(61);
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
    count: 10,
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

test('the stage page: what a stage pointed at on a chosen time, or why it is unknown', async ({ page, projectId, csms }) => {
  await csms.createSecret({ name: 'rotated', secret_string: 'x' });
  await csms.createVersion('rotated', { secret_string: 'y' });
  // What CTS holds for this secret's history, two and one days ago.
  await admin.addTraces(projectId, [
    { operation: 'CreateSecretVersion', secret_name: 'rotated', time: '-48h', user: 'alice', version_id: 'v2', stages: ['SYSCURRENT'] },
    { operation: 'UpdateSecretStage', secret_name: 'rotated', time: '-24h', user: 'bob', version_id: 'v1', stages: ['SYSCURRENT'] },
  ]);
  await page.goto(`${secretPath(projectId, 'rotated')}/stages/SYSCURRENT`);
  await page.evaluate(() => localStorage.setItem('csms-console:time-zone', 'utc'));
  await page.reload();
  const at = new Date(Date.now() - 36 * 3600_000).toISOString().slice(0, 16);
  await page.getByLabel('Date and time (UTC)').fill(at);
  await page.getByRole('button', { name: 'Ask' }).click();
  await expect(page).toHaveURL(new RegExp(`at=${at.replace(':', '%3A')}Z`));
  await expect(page.getByTestId('stage-at-answer')).toContainText(/SYSCURRENT pointed at v2: moved there on .* by alice\./);

  // Before the records begin, with moves since: unknown, and why.
  const old = new Date(Date.now() - 8 * 86400_000).toISOString().slice(0, 16);
  await page.getByLabel('Date and time (UTC)').fill(old);
  await page.getByRole('button', { name: 'Ask' }).click();
  await expect(page.getByTestId('stage-at-answer')).toContainText("before CTS's records begin");

  // A time to come is refused inline.
  const later = new Date(Date.now() + 86400_000).toISOString().slice(0, 16);
  await page.getByLabel('Date and time (UTC)').fill(later);
  await page.getByRole('button', { name: 'Ask' }).click();
  await expect(page.getByText('That time is still to come: choose one in the past.')).toBeVisible();
});
