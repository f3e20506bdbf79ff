// The project change feed with the console's value reads: a reveal is in the feed of a window
// holding it, with the secret, who and which version, marked as a value read beside the secret's
// changes, and the page says the signed audit log is the authority; a window before it has none.
// Copy summary gives the same for a ticket, and says the value reads are unknown when they are.
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { expect, expectClipboard, secretPath, test } from './fixtures.ts';

const HOUR = 3600_000;
const address = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

test('a revealed value is a value read in the change feed, with who and version, by its secret', async ({ page, projectId, csms }) => {
  expect((await csms.createSecret({ name: 'api-token', secret_string: 'feed-value-1' })).status).toBe(200);
  await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await expect(page.getByRole('button', { name: 'Hide value' })).toBeVisible();

  const now = Date.now();
  await page.goto(`/projects/${projectId}/changes?from=${address(now - HOUR)}&to=${address(now + HOUR)}`);
  const group = page.getByTestId('secret-changes').filter({ has: page.getByRole('heading', { name: 'api-token' }) });
  const read = group.getByTestId('value-read-row');
  await expect(read).toHaveCount(1);
  await expect(read).toContainText('value read');
  await expect(read).toContainText(`ak:${EMULATOR_DEFAULTS.accessKey} revealed`);
  await expect(read.getByRole('link', { name: 'v1' })).toHaveAttribute('href', `${secretPath(projectId, 'api-token')}/versions/v1`);
  // The secret's creation is the change beside it.
  await expect(group.getByRole('listitem').filter({ hasText: 'CreateSecret' })).toHaveCount(1);
  await expect(page.getByTestId('value-read-count')).toHaveText('1 value read');
  await expect(page.getByTestId('value-read-note')).toContainText("The console's signed audit log is the authority.");

  await page.goto(`/projects/${projectId}/changes?from=${address(now - 3 * HOUR)}&to=${address(now - 2 * HOUR)}`);
  await expect(page.getByTestId('value-read-count')).toHaveText('0 value reads');
  await expect(page.getByTestId('value-read-row')).toHaveCount(0);
});

test('Copy summary: the window in UTC, each secret with its changes and value reads; unknown reads said so, with why', async ({
  page,
  projectId,
  csms,
  context,
  emulator,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  expect((await csms.createSecret({ name: 'api-token', secret_string: 'feed-value-2' })).status).toBe(200);
  await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await expect(page.getByRole('button', { name: 'Hide value' })).toBeVisible();

  const now = Date.now();
  const feed = `/projects/${projectId}/changes?from=${address(now - HOUR)}&to=${address(now + HOUR)}`;
  await page.goto(feed);
  await page.getByRole('button', { name: 'Copy summary' }).click();
  await expectClipboard(page).toMatch(/^Changes to the secrets of project .+\nWindow: \d{4}-\d\d-\d\d \d\d:\d\d:00 UTC to /);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('1 change · 1 secret');
  expect(text).toContain('Value reads: 1 through this console instance');
  expect(text).toMatch(new RegExp(`\\napi-token:\\n  .+ value read: ak:${EMULATOR_DEFAULTS.accessKey} revealed v1 \\(instance `));
  expect(text).toMatch(/\n {2}.+ CreateSecret by .+ \(200, request /);
  expect(text).not.toContain('feed-value-2');

  // The reads cannot be listed (CSMS refuses the ListSecrets that decides who may see them): unknown, not "none".
  await emulator.addFault({
    path: `^/v1/${projectId}/secrets$`,
    method: 'GET',
    count: 10,
    status: 403,
    body: { error_code: 'CSMS.0403', error_msg: 'Refused.' },
  });
  await page.goto(feed);
  await expect(page.getByText('The value reads could not be read')).toBeVisible();
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expectClipboard(page).toContain('- Value reads: Unknown: CSMS.0403');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('**`api-token`**');
  expect(markdown).not.toContain('value read:');
});
