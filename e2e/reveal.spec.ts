// The reveal rules: nothing fetched or in the DOM before the click, one request after, gone after
// hide, after 60 s, when the tab is hidden and after Back; copy without revealing.
import { countRequests, expect, secretPath, test } from './fixtures.ts';

const CANARY = 'CANARY-value-7f3a9c';

test.describe('the reveal panel', () => {
  test.beforeEach(async ({ csms }) => {
    expect((await csms.createSecret({ name: 'api-token', secret_string: CANARY })).status).toBe(200);
  });

  test('fetches the value only on click, once, and forgets it on hide', async ({ page, projectId }) => {
    const valueReads = countRequests(page, /^\/api\/v1\/.*\/versions\/v\d+$/);
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await expect(page.getByRole('heading', { name: 'Value of v1' })).toBeVisible();
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(valueReads.count).toBe(0);
    expect(await page.content()).not.toContain(CANARY);

    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(CANARY);
    expect(valueReads.count).toBe(1);
    await expect(page.getByText(/Hides in \d+ s/)).toBeVisible();

    // No refetch on focus, reconnect or time.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(300);
    expect(valueReads.count).toBe(1);

    await page.getByRole('button', { name: 'Hide value' }).click();
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
  });

  test('shows the same mask for every value', async ({ page, projectId, csms }) => {
    await csms.createSecret({ name: 'long-one', secret_string: 'x'.repeat(5000) });
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    const shortMask = await page.getByLabel('Value hidden').innerHTML();
    await page.goto(`${secretPath(projectId, 'long-one')}/versions/v1`);
    await expect(page.getByRole('heading', { name: 'Value of v1' })).toBeVisible();
    expect(await page.getByLabel('Value hidden').innerHTML()).toBe(shortMask);
  });

  test('hides by itself after 60 seconds, with a countdown', async ({ page, projectId }) => {
    await page.clock.install();
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(CANARY);
    await page.clock.fastForward('00:30');
    await expect(page.getByText(/Hides in (29|30) s/)).toBeVisible();
    await page.clock.fastForward('00:31');
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
  });

  test('hides when the tab is hidden', async ({ page, projectId }) => {
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(CANARY);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
  });

  test('shows the value masked after navigating away and back', async ({ page, projectId }) => {
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(CANARY);
    await page.getByRole('link', { name: 'Secrets' }).first().click();
    await expect(page.getByRole('heading', { name: 'Secrets' })).toBeVisible();
    await page.goBack();
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
    // A full document navigation and Back (back/forward cache) too.
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(CANARY);
    await page.goto('/does-not-exist');
    await page.goBack();
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
  });

  test('copies without revealing, announces it, and clears the clipboard after 30 s', async ({ page, projectId, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.install();
    const valueReads = countRequests(page, /^\/api\/v1\/.*\/versions\/v\d+$/);
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Copy value' }).click();
    await expect(page.getByTestId('live-region')).toHaveText(/Value copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CANARY);
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
    expect(valueReads.count).toBe(1);
    await page.clock.fastForward('00:31');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('');
  });

  test('leaves the clipboard alone when it no longer holds the value', async ({ page, projectId, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.install();
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Copy value' }).click();
    await expect(page.getByTestId('live-region')).toHaveText(/Value copied/);
    await page.evaluate(() => navigator.clipboard.writeText('something the user copied later'));
    await page.clock.fastForward('00:31');
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('something the user copied later');
  });

  test('cannot reveal or copy when the secret is not ENABLED, and says why', async ({ page, projectId, emulator }) => {
    await emulator.setState(projectId, 'api-token', 'DISABLED');
    const valueReads = countRequests(page, /^\/api\/v1\/.*\/versions\/v\d+$/);
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await expect(page.getByRole('button', { name: 'Reveal value' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Copy value' })).toBeDisabled();
    await expect(page.getByText('The value cannot be read: Values cannot be read while the secret is disabled.')).toBeVisible();
    expect(valueReads.count).toBe(0);
  });

  test('shows a value read error inline, without a value', async ({ page, projectId, emulator }) => {
    await emulator.addFault({
      path: `/v1/${projectId}/secrets/api-token/versions/v1$`,
      status: 403,
      body: { error_code: 'CSMS.0403', error_msg: 'No permission to read this version.' },
    });
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The value could not be read');
    await expect(alert).toContainText('csms:secret:getVersion');
    await expect(alert).toContainText('CSMS.0403');
  });
});

test.describe('value views', () => {
  test('JSON: pretty, with a per-key table that reveals and copies one field', async ({ page, projectId, csms, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await csms.createSecret({ name: 'db', secret_string: '{"username":"app","password":"p@ss-CANARY"}' });
    await page.goto(`${secretPath(projectId, 'db')}/versions/latest`);
    await expect(page.getByText('“latest” is the newest version: v1.')).toBeVisible();
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value as JSON')).toHaveText('{\n  "username": "app",\n  "password": "p@ss-CANARY"\n}');
    await page.getByRole('button', { name: 'Fields' }).click();
    const row = page.getByRole('row', { name: /password/ });
    await expect(row).not.toContainText('p@ss-CANARY');
    await page.getByRole('button', { name: 'Reveal password' }).click();
    await expect(row).toContainText('p@ss-CANARY');
    await page.getByRole('button', { name: 'Copy username' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('app');
    await page.getByRole('button', { name: 'Text' }).click();
    await expect(page.getByLabel('Secret value', { exact: true })).toHaveText('{"username":"app","password":"p@ss-CANARY"}');
  });

  test('text: exact, whitespace kept; invalid JSON stays text', async ({ page, projectId, csms }) => {
    const text = '  line one\n\tline two  \n{not json';
    await csms.createSecret({ name: 'txt', secret_string: text });
    await page.goto(`${secretPath(projectId, 'txt')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    expect(await page.getByLabel('Secret value').textContent()).toBe(text);
    await expect(page.getByRole('button', { name: 'JSON' })).toHaveCount(0);
  });

  test('binary: size, hex preview, base64, download behind a warning', async ({ page, projectId, csms }) => {
    const bytes = Buffer.from([0x00, 0x01, 0x41, 0x42, 0xff, 0x00, 0x7f]);
    await csms.createSecret({ name: 'keystore', secret_binary: bytes.toString('base64') });
    await page.goto(`${secretPath(projectId, 'keystore')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByText('Binary value, 7 B (7 bytes).')).toBeVisible();
    await expect(page.getByLabel('Hex preview')).toHaveText(/^00000000 {2}00 01 41 42 ff 00 7f\s+\.\.AB\.\.\.$/);
    await expect(page.getByLabel('Secret value as base64')).toHaveText(bytes.toString('base64'));
    await page.getByRole('button', { name: 'Download…' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Download warning' })).toContainText('saved unencrypted');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download anyway' }).click();
    expect((await download).suggestedFilename()).toBe('keystore-v1.bin');
  });

  test('a 32 KB value renders and stays responsive', async ({ page, projectId, csms }) => {
    const big = 'A'.repeat(32768);
    await csms.createSecret({ name: 'big', secret_string: big });
    await page.goto(`${secretPath(projectId, 'big')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(big);
    await page.getByRole('button', { name: 'Hide value' }).click();
    await expect(page.getByLabel('Value hidden')).toBeVisible();
  });
});
