// The reveal rules: nothing fetched or in the DOM before the click, one request after, gone after
// hide, after 60 s, when the tab is hidden and after Back; copy without revealing.
import type { Page } from '@playwright/test';
import { countRequests, expect, expectClipboard, secretPath, test } from './fixtures.ts';

const CANARY = 'CANARY-value-7f3a9c';

/** The tab hidden or shown again, as the browser tells it (TanStack Query listens on window). */
const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
  page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { value, configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);

/** Resolves once a request made now has its answer: any request the page started before is out. */
const afterPendingRequests = (page: Page) =>
  page.evaluate(() => fetch('/api/config', { headers: { 'X-Console-Request': '1' } }).then((r) => r.ok));

test.describe('the reveal panel', () => {
  test.beforeEach(async ({ csms }) => {
    expect((await csms.createSecret({ name: 'api-token', secret_string: CANARY })).status).toBe(200);
  });

  test('fetches the value only on click, once, and forgets it on hide', async ({ page, projectId, context }) => {
    const valueReads = countRequests(page, /^\/api\/v1\/.*\/versions\/v\d+$/);
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await expect(page.getByRole('heading', { name: 'Value', exact: true })).toBeVisible();
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(valueReads.count).toBe(0);
    expect(await page.content()).not.toContain(CANARY);

    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(CANARY);
    expect(valueReads.count).toBe(1);
    await expect(page.getByText(/Hides in \d+ s/)).toBeVisible();

    // Never read again on reconnect: a refetch would start within the 'online' event, before the
    // request made after it, whose answer is waited for.
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(true);
    await afterPendingRequests(page);
    expect(valueReads.count).toBe(1);
    await expect(page.getByLabel('Secret value')).toHaveText(CANARY);

    await page.getByRole('button', { name: 'Hide value' }).click();
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
  });

  test('shows the same mask for every value', async ({ page, projectId, csms }) => {
    await csms.createSecret({ name: 'long-one', secret_string: 'x'.repeat(5000) });
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    const shortMask = await page.getByLabel('Value hidden').innerHTML();
    await page.goto(`${secretPath(projectId, 'long-one')}/versions/v1`);
    await expect(page.getByRole('heading', { name: 'Value', exact: true })).toBeVisible();
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
    await setVisibility(page, 'hidden');
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
  });

  test('never reads again when the tab comes back', async ({ page, projectId }) => {
    const valueReads = countRequests(page, /^\/api\/v1\/.*\/versions\/v\d+$/);
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(CANARY);
    await setVisibility(page, 'hidden');
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    await setVisibility(page, 'visible');
    await afterPendingRequests(page);
    expect(valueReads.count).toBe(1);
    await expect(page.getByLabel('Value hidden')).toBeVisible();
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

  test('copies without revealing, says so with a countdown, and clears the clipboard after 30 s', async ({ page, projectId, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.install();
    const valueReads = countRequests(page, /^\/api\/v1\/.*\/versions\/v\d+$/);
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Copy value' }).click();
    await expect(page.getByText('Copied — clears in 30 s')).toBeVisible();
    await expect(page.getByTestId('live-region')).toHaveText(/Value copied/);
    await expectClipboard(page).toBe(CANARY);
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
    expect(valueReads.count).toBe(1);
    await page.clock.fastForward('00:10');
    await expect(page.getByText(/^Copied — clears in (19|20) s$/)).toBeVisible();
    await page.clock.fastForward('00:21');
    await expect(page.getByText('The clipboard was cleared.')).toBeVisible();
    await expectClipboard(page).toBe('');
  });

  test('leaves the clipboard alone when it no longer holds the value', async ({ page, projectId, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.install();
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Copy value' }).click();
    await expect(page.getByText('Copied — clears in 30 s')).toBeVisible();
    await page.evaluate(() => navigator.clipboard.writeText('something the user copied later'));
    await page.clock.fastForward('00:31');
    await expect(page.getByText('The clipboard holds something else now: it was left as it is.')).toBeVisible();
    await expectClipboard(page).toBe('something the user copied later');
  });

  test('a refused copy says why, names the permission, and takes an earlier copy off the clipboard', async ({
    page,
    projectId,
    context,
    csms,
    emulator,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await csms.createVersion('api-token', { secret_string: 'NEWER-value' });
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v2`);
    await page.getByRole('button', { name: 'Copy value' }).click();
    await expect(page.getByText('Copied — clears in 30 s')).toBeVisible();
    await expectClipboard(page).toBe('NEWER-value');

    await emulator.addFault({
      path: `/v1/${projectId}/secrets/api-token/versions/v1$`,
      status: 403,
      body: { error_code: 'CSMS.0403', error_msg: "Policy doesn't allow csms:secret:getVersion to be performed." },
    });
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'api-token' }).click();
    await page.getByRole('row', { name: /^v1 / }).getByRole('link', { name: 'v1' }).click();
    await page.getByRole('button', { name: 'Copy value' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Value could not be copied');
    await expect(alert).toContainText('csms:secret:getVersion');
    await expect(alert).toContainText('CSMS.0403');
    await expect(page.getByText('Nothing was copied. The value copied earlier was taken off the clipboard')).toBeVisible();
    await expectClipboard(page).toBe('');
  });

  test('a throttled copy says when to try again', async ({ page, projectId, context, emulator }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await emulator.addFault({
      path: `/v1/${projectId}/secrets/api-token/versions/v1$`,
      status: 429,
      headers: { 'Retry-After': '20' },
      body: { error_code: 'APIGW.0308', error_msg: 'Throttled.' },
    });
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Copy value' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Value could not be copied');
    await expect(alert).toContainText('CSMS asked to wait 20 s');
    await expect(alert.getByRole('button', { name: /Retry in \d+ s/ })).toBeDisabled();
  });

  test('after a 403 on the value, Reveal and Copy stay off until the page is left', async ({ page, projectId, csms, emulator }) => {
    await csms.createVersion('api-token', { secret_string: 'v2-value' });
    const path = `/v1/${projectId}/secrets/api-token/versions/v1$`;
    await emulator.addFault({ path, status: 403, body: { error_code: 'CSMS.0403', error_msg: 'Refused.' } });
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByRole('alert')).toContainText('CSMS.0403');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('button', { name: 'Reveal value' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Copy value' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Reveal value' })).toHaveAccessibleDescription(
      /^CSMS refused to read this value: it needs the IAM permission csms:secret:getVersion .*Reveal and Copy stay off until you leave this page\.$/,
    );
    expect((await emulator.requests(new RegExp(path))).length).toBe(1);
    // Another page (here another version) may be read again.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'api-token' }).click();
    await page.getByRole('row', { name: /^v2 / }).getByRole('link', { name: 'v2' }).click();
    await expect(page.getByRole('button', { name: 'Reveal value' })).toBeEnabled();
  });

  test('cannot reveal or copy when the secret is not ENABLED, and says why', async ({ page, projectId, emulator }) => {
    await emulator.setState(projectId, 'api-token', 'DISABLED');
    const valueReads = countRequests(page, /^\/api\/v1\/.*\/versions\/v\d+$/);
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await expect(page.getByRole('button', { name: 'Reveal value' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Copy value' })).toBeDisabled();
    await expect(page.getByText('No value can be read while the secret is disabled.')).toBeVisible();
    await expect(page.getByLabel('Value hidden')).toHaveCount(0);
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

test.describe('a refused reveal names what stopped it', () => {
  test.beforeEach(async ({ csms }) => {
    await csms.createSecret({ name: 'api-token', secret_string: CANARY });
  });

  const refusals = [
    {
      stop: 'permission',
      fault: { status: 403, body: { error_code: 'CSMS.0403', error_msg: "Policy doesn't allow csms:secret:getVersion to be performed." } },
      says: 'Stopped by an IAM permission: reading a value needs csms:secret:getVersion (and kms:cmk:decryptDataKey). Ask your IAM administrator to grant it on this project.',
    },
    {
      stop: 'project',
      fault: { status: 403, body: { error_code: 'APIGW.0302', error_msg: 'The IAM user is not authorized to access the project.' } },
      says: 'Stopped by project access: your identity may not use this project. Ask your IAM administrator for access to it.',
    },
    {
      stop: 'rate-limit',
      fault: { status: 429, headers: { 'Retry-After': '20' }, body: { error_code: 'APIGW.0308', error_msg: 'Throttled.' } },
      says: /^Stopped by a rate limit: too many values were read in the last minute\. Try again in \d+ s\./,
    },
  ];
  for (const { stop, fault, says } of refusals) {
    test(`by ${stop}`, async ({ page, projectId, emulator }) => {
      await emulator.addFault({ path: `/v1/${projectId}/secrets/api-token/versions/v1$`, ...fault });
      await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
      await page.getByRole('button', { name: 'Reveal value' }).click();
      await expect(page.locator(`[data-stop="${stop}"]`)).toHaveText(says);
      await expect(page.locator('[data-stop]')).toHaveCount(1);
      await expect(page.getByText(CANARY)).toHaveCount(0);
    });
  }

  test("by the secret's state, when it was scheduled for deletion after the page opened", async ({ page, projectId, emulator }) => {
    await page.goto(`${secretPath(projectId, 'api-token')}/versions/v1`);
    await expect(page.getByRole('button', { name: 'Reveal value' })).toBeEnabled();
    await emulator.setState(projectId, 'api-token', 'PENDING_DELETE', Date.now() + 7 * 86_400_000);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.locator('[data-stop="secret-state"]')).toHaveText(
      "Stopped by the secret's state: it is scheduled for deletion. Ask its owner to cancel the deletion in CSMS.",
    );
    await expect(page.getByText(CANARY)).toHaveCount(0);
  });
});

test.describe('value views', () => {
  test('a flat JSON object: Reveal value shows its fields, the countdown running; each with Hide and Copy; one read for all', async ({
    page,
    projectId,
    csms,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await csms.createSecret({ name: 'db', secret_string: '{"username":"app","password":"p@ss-CANARY"}' });
    const valueReads = countRequests(page, /^\/api\/v1\/.*\/versions\/v\d+$/);
    await page.goto(`${secretPath(projectId, 'db')}/versions/latest`);
    await expect(page.getByText('“latest” is the newest version: v1.')).toBeVisible();
    expect(await page.content()).not.toContain('p@ss-CANARY');
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByRole('button', { name: 'Fields' })).toHaveAttribute('aria-pressed', 'true');
    const row = page.getByRole('row', { name: /password/ });
    await expect(row.getByRole('rowheader')).toHaveText('password');
    // One click shows what the countdown counts down.
    await expect(row).toContainText('p@ss-CANARY');
    await expect(page.getByRole('row', { name: /username/ })).toContainText('app');
    await expect(page.getByText(/Hides in \d+ s/)).toBeVisible();
    await page.getByRole('button', { name: 'Hide password' }).click();
    await expect(row).toContainText('••••');
    await expect(row).not.toContainText('p@ss-CANARY');
    await expect(page.getByRole('row', { name: /username/ })).toContainText('app');
    await page.getByRole('button', { name: 'Copy username' }).click();
    await expect(page.getByText('username copied — clears in 30 s')).toBeVisible();
    await expectClipboard(page).toBe('app');
    await page.getByRole('button', { name: 'Reveal password' }).click();
    await expect(row).toContainText('p@ss-CANARY');
    await page.getByRole('button', { name: 'Hide all' }).click();
    await expect(page.getByRole('row', { name: /username/ })).not.toContainText('app');
    await page.getByRole('button', { name: 'JSON' }).click();
    await expect(page.getByLabel('Secret value as JSON')).toHaveText('{\n  "username": "app",\n  "password": "p@ss-CANARY"\n}');
    await page.getByRole('button', { name: 'Text' }).click();
    await expect(page.getByLabel('Secret value', { exact: true })).toHaveText('{"username":"app","password":"p@ss-CANARY"}');
    expect(valueReads.count).toBe(1);
  });

  test('简体中文: Reveal value shows the fields of a JSON value, with the countdown', async ({ page, projectId, csms }) => {
    await csms.createSecret({ name: 'db', secret_string: '{"username":"app","password":"p@ss-CANARY"}' });
    await page.goto(`${secretPath(projectId, 'db')}/versions/v1?lang=zh-CN`);
    await page.getByRole('button', { name: '查看凭据值' }).click();
    await expect(page.getByRole('row', { name: /password/ })).toContainText('p@ss-CANARY');
    await expect(page.getByText(/\d+ 秒后隐藏/)).toBeVisible();
    await expect(page.getByRole('button', { name: '隐藏 password' })).toBeVisible();
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

  test('a 32 KB value renders whole, and Hide takes it off the page', async ({ page, projectId, csms }) => {
    const big = 'A'.repeat(32768);
    await csms.createSecret({ name: 'big', secret_string: big });
    await page.goto(`${secretPath(projectId, 'big')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(big);
    await page.getByRole('button', { name: 'Hide value' }).click();
    await expect(page.getByLabel('Value hidden')).toBeVisible();
    expect(await page.content()).not.toContain(big);
  });
});
