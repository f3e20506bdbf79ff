// Compare without revealing: the pair in the address, the verdict, fingerprints, key by key for
// JSON, lines for text, sizes for binary, each side's failure on its side while the other shows,
// bad references refused before any request, and never a value in anything the browser receives.
import type { Page } from '@playwright/test';
import { countRequests, expect, secretPath, test } from './fixtures.ts';

const CANARY = 'CMPCANARY';
const V1 = JSON.stringify({ user: 'app', password: `${CANARY}-pw-1`, port: 5432, opts: { ssl: true } });
const V2 = JSON.stringify({ user: 'app', password: `${CANARY}-pw-2`, host: `${CANARY}-host`, opts: { ssl: true } });
const BLOB = Buffer.from(`${CANARY}-binary-bytes`).toString('base64');

/** Every answer the browser receives, as text, to search for the canary. */
function watchResponses(page: Page) {
  const bodies: Promise<string>[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/api/')) bodies.push(res.text().catch(() => ''));
  });
  return async () => (await Promise.all(bodies)).join('\n');
}

const side = (page: Page, name: 'A' | 'B') => page.getByRole('region', { name, exact: true });

test.describe('compare', () => {
  test.beforeEach(async ({ csms }) => {
    expect((await csms.createSecret({ name: 'app-config', secret_string: V1 })).status).toBe(200);
    expect((await csms.createVersion('app-config', { secret_string: V2 })).status).toBe(200);
  });

  test('equal values: the same fingerprint on both sides, and no value reaches the browser', async ({ page, projectId }) => {
    const received = watchResponses(page);
    await page.goto(`${secretPath(projectId, 'app-config')}/compare?a=v2&b=SYSCURRENT`);
    await expect(page.getByText('Same value: A and B are equal.')).toBeVisible();
    const prints = page.getByTestId('fingerprint');
    await expect(prints).toHaveCount(2);
    const [a, b] = await prints.allTextContents();
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(a).toBe(b);
    await expect(side(page, 'B').getByRole('link', { name: 'v2' })).toBeVisible();
    expect(await received()).not.toContain(CANARY);
    expect(await page.content()).not.toContain(CANARY);
  });

  test('changed keys: each key with its type on each side and what changed', async ({ page, projectId }) => {
    const received = watchResponses(page);
    await page.goto(`${secretPath(projectId, 'app-config')}/compare?a=v1&b=v2`);
    await expect(page.getByText('Different values: A and B are not equal.')).toBeVisible();
    const rows = page.getByRole('table').getByRole('row');
    const byKey = async (key: string) =>
      (await rows.filter({ has: page.getByRole('cell', { name: key, exact: true }) }).innerText()).split(/\s+/);
    expect(await byKey('password')).toEqual(['password', 'string', 'string', 'changed']);
    expect(await byKey('port')).toEqual(['port', 'number', '—', 'removed', '(only', 'in', 'A)']);
    expect(await byKey('host')).toEqual(['host', '—', 'string', 'added', '(only', 'in', 'B)']);
    expect(await byKey('user')).toEqual(['user', 'string', 'string', 'equal']);
    expect(await byKey('opts.ssl')).toEqual(['opts.ssl', 'boolean', 'boolean', 'equal']);
    await expect(side(page, 'A')).toContainText('JSON object, 4 keys');
    expect(await received()).not.toContain(CANARY);
  });

  test('text: equal or not and the line count', async ({ page, projectId, csms }) => {
    await csms.createSecret({ name: 'notes', secret_string: `${CANARY} one\ntwo\nthree\n` });
    await csms.createVersion('notes', { secret_string: `${CANARY} one\ntwo` });
    await page.goto(`${secretPath(projectId, 'notes')}/compare?a=v1&b=v2`);
    await expect(page.getByText('Different values: A and B are not equal.')).toBeVisible();
    await expect(side(page, 'A')).toContainText('Text, 3 lines');
    await expect(side(page, 'B')).toContainText('Text, 2 lines');
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  test('binary against JSON, across secrets: sizes and kinds, never equal', async ({ page, projectId, csms }) => {
    const received = watchResponses(page);
    await csms.createSecret({ name: 'tls-key', secret_binary: BLOB });
    await page.goto(`${secretPath(projectId, 'app-config')}/compare?a=tls-key/v1&b=v2`);
    await expect(page.getByText('Different values: A and B are not equal.')).toBeVisible();
    await expect(side(page, 'A')).toContainText(`Binary, ${Buffer.from(BLOB, 'base64').length} bytes`);
    await expect(side(page, 'B')).toContainText('JSON object, 4 keys');
    await expect(page.getByText('A is binary and B is a JSON object')).toBeVisible();
    expect(await received()).not.toContain(CANARY);
    expect(await received()).not.toContain(BLOB);
  });

  test('a missing version: said on its side, the other side still shown', async ({ page, projectId }) => {
    await page.goto(`${secretPath(projectId, 'app-config')}/compare?a=v9&b=v1`);
    await expect(page.getByText('Not compared: a side could not be read (see below).')).toBeVisible();
    await expect(side(page, 'A').getByRole('alert')).toContainText('Not found');
    await expect(side(page, 'B').getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{8}$/);
  });

  test('a refused read: the permission it needs, on its side', async ({ page, projectId, emulator }) => {
    await emulator.addFault({
      path: `/v1/${projectId}/secrets/app-config/versions/v1$`,
      status: 403,
      body: { error_code: 'CSMS.0403', error_msg: "Policy doesn't allow csms:secret:getVersion to be performed." },
      count: 1,
    });
    await page.goto(`${secretPath(projectId, 'app-config')}/compare?a=v1&b=v2`);
    const refused = side(page, 'A').getByRole('alert');
    await expect(refused).toContainText('Read refused');
    await expect(refused).toContainText('csms:secret:getVersion');
    await expect(refused).toContainText('CSMS.0403');
    await expect(side(page, 'B').getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{8}$/);
  });

  test('a disabled secret: CSMS says why on its side', async ({ page, projectId, csms, emulator }) => {
    await csms.createSecret({ name: 'old-db', secret_string: `${CANARY}-old` });
    await emulator.setState(projectId, 'old-db', 'DISABLED');
    await page.goto(`${secretPath(projectId, 'app-config')}/compare?a=old-db/v1&b=v1`);
    await expect(side(page, 'A').getByRole('alert')).toContainText('DISABLED');
    await expect(side(page, 'B').getByTestId('fingerprint')).toBeVisible();
  });

  test('the pickers: bad references refused inline before any request; a good pair goes in the address', async ({ page, projectId }) => {
    const compares = countRequests(page, /^\/api\/compare$/);
    await page.goto(`${secretPath(projectId, 'app-config')}/compare`);
    await page.getByLabel('Value A').fill('v 1');
    await page.getByLabel('Value B').fill('prod/app-config/v1');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.getByText('"v 1" is not a version id (v1, v2, …) or a stage name.')).toBeVisible();
    await expect(page.getByText('"prod" is not a project id (32 hex characters).')).toBeVisible();
    await expect(page.getByLabel('Value A')).toHaveAttribute('aria-invalid', 'true');
    expect(compares.count).toBe(0);

    await page.getByLabel('Value A').fill('SYSPREVIOUS');
    await page.getByLabel('Value B').fill(`${projectId}/app-config/SYSCURRENT`);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.getByText('Different values: A and B are not equal.')).toBeVisible();
    const url = new URL(page.url());
    expect(url.searchParams.get('a')).toBe('SYSPREVIOUS');
    expect(url.searchParams.get('b')).toBe(`${projectId}/app-config/SYSCURRENT`);
    expect(compares.count).toBe(1);
    // The address is the view: opened again, the same answer.
    await page.reload();
    await expect(page.getByText('Different values: A and B are not equal.')).toBeVisible();
  });

  test('the version page: "Same as SYSCURRENT?", "Compare with previous", previous and next', async ({ page, projectId }) => {
    await page.goto(`${secretPath(projectId, 'app-config')}/versions/v1`);
    await page.getByRole('link', { name: 'Same as SYSCURRENT?' }).click();
    await expect(page).toHaveURL(/\/compare\?a=v1&b=SYSCURRENT$/);
    await expect(page.getByText('Different values: A and B are not equal.')).toBeVisible();

    await page.goto(`${secretPath(projectId, 'app-config')}/versions/v1`);
    await page.getByRole('link', { name: 'Next version (v2) →' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('v2');
    await expect(page.getByRole('link', { name: 'Same as SYSCURRENT?' })).toHaveCount(0);
    await page.keyboard.press('[');
    await expect(page).toHaveURL(/\/versions\/v1$/);
    await page.keyboard.press(']');
    await expect(page).toHaveURL(/\/versions\/v2$/);
    await page.getByRole('link', { name: 'Compare with previous' }).click();
    await expect(page).toHaveURL(/\/compare\?a=v1&b=v2$/);
    await expect(page.getByText('Different values: A and B are not equal.')).toBeVisible();
  });
});
