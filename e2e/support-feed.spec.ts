// The project change feed with the console's value reads: a reveal is in the feed of a window
// holding it, with the secret, who and which version, marked as a value read beside the secret's
// changes, and the page says the signed audit log is the authority; a window before it has none.
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { expect, secretPath, test } from './fixtures.ts';

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
