// The leak suite: unique canary values walked through reveal → copy → hide → navigate → Back →
// reload, then every place a value could stay is searched. Zero hits.
import { readFileSync } from 'node:fs';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { readAuditLog } from '../src/server/testing/audit-log.ts';
import { expect, secretPath, test } from './fixtures.ts';

test('no value survives anywhere in the browser, the URL, the logs or the audit', async ({ page, context, projectId, csms, request }) => {
  test.setTimeout(60_000);
  const canary = `CANARY-${projectId.slice(0, 12)}`;
  const textValue = `${canary}-text`;
  const jsonValue = JSON.stringify({ user: 'svc', password: `${canary}-json` });
  const binaryValue = Buffer.from(`${canary}-binary`).toString('base64');
  await csms.createSecret({ name: 'leak-text', secret_string: textValue });
  await csms.createSecret({ name: 'leak-json', secret_string: jsonValue });
  await csms.createSecret({ name: 'leak-binary', secret_binary: binaryValue });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  const urls: string[] = [];
  const referers: string[] = [];
  const consoleText: string[] = [];
  page.on('request', (req) => {
    urls.push(req.url());
    referers.push(req.headers()['referer'] ?? '');
  });
  page.on('console', (msg) => consoleText.push(msg.text()));
  page.on('pageerror', (err) => consoleText.push(err.message));

  // Reveal, copy, hide each kind of value.
  for (const name of ['leak-text', 'leak-json', 'leak-binary']) {
    await page.goto(`${secretPath(projectId, name)}/versions/latest`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByRole('button', { name: 'Hide value' })).toBeVisible();
    if (name === 'leak-json') {
      // A flat object opens on its fields, shown: one copied, then all as JSON.
      await expect(page.getByRole('row', { name: /password/ })).toContainText(canary);
      await page.getByRole('button', { name: 'Copy password' }).click();
      await expect(page.getByTestId('live-region')).toHaveText(/copied/);
      await page.getByRole('button', { name: 'JSON' }).click();
    }
    await expect(page.getByTestId('secret-value')).toContainText(name === 'leak-binary' ? binaryValue : canary);
    await page.getByRole('button', { name: 'Copy value' }).click();
    await expect(page.getByTestId('live-region')).toHaveText(/copied/);
    await page.getByRole('button', { name: 'Hide value' }).click();
    expect(await page.content()).not.toContain(canary);
  }
  // Reveal, then leave by a link, come Back, reload.
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await expect(page.getByRole('button', { name: 'Hide value' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'leak-binary' }).click();
  await page.goBack();
  await expect(page.getByLabel('Value hidden')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Value hidden')).toBeVisible();
  // Copy without revealing, then a stage page and Back.
  await page.goto(`${secretPath(projectId, 'leak-text')}/stages/SYSCURRENT`);
  await page.getByRole('button', { name: 'Copy value' }).click();
  await expect(page.getByTestId('live-region')).toHaveText(/copied/);
  await page.goto(secretPath(projectId));
  await page.goBack();
  await expect(page.getByLabel('Value hidden')).toBeVisible();

  // The DOM, the URLs, the Referers, the console.
  expect(await page.content()).not.toContain(canary);
  expect(urls.filter((u) => u.includes(canary) || u.includes(binaryValue))).toEqual([]);
  expect(referers.filter((r) => r !== '')).toEqual([]); // Referrer-Policy: no-referrer
  expect(consoleText.filter((t) => t.includes(canary))).toEqual([]);
  // Every storage the browser has: cookies, localStorage and IndexedDB, sessionStorage, Cache Storage.
  const state = JSON.stringify(await context.storageState({ indexedDB: true }));
  expect(state).not.toContain(canary);
  const session = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
  expect(session).not.toContain(canary);
  const cached = await page.evaluate(async () => {
    const bodies: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) bodies.push(req.url, await (await cache.match(req))!.text());
    }
    return bodies.join('\n');
  });
  expect(cached).not.toContain(canary);
  // Credentials a client sends are never logged.
  const sent = {
    authorization: 'Bearer LEAKED-AUTHORIZATION',
    'x-auth-token': 'LEAKED-TOKEN',
    cookie: 'session=LEAKED-COOKIE',
    'x-console-request': '1',
  };
  expect((await request.get('/api/config', { headers: sent })).status()).toBe(200);
  await expect.poll(() => readFileSync('.test-results/server.log', 'utf8').includes('/api/config')).toBe(true);
  expect(readFileSync('.test-results/server.log', 'utf8')).not.toContain('LEAKED-');
  // The server's own log and the audit log: the reads and copies are there, the values are not.
  const serverLog = readFileSync('.test-results/server.log', 'utf8');
  expect(serverLog).not.toContain(canary);
  // The banner prints the demo credentials on purpose; the request logs never carry a credential.
  const requestLogs = serverLog.split('\n').filter((line) => line.startsWith('{'));
  expect(requestLogs.length).toBeGreaterThan(10);
  for (const secret of [EMULATOR_DEFAULTS.secretKey, EMULATOR_DEFAULTS.token, 'SDK-HMAC-SHA256'])
    expect(requestLogs.filter((line) => line.includes(secret))).toEqual([]);
  const audit = readFileSync('.test-results/audit.log', 'utf8');
  expect(audit).not.toContain(canary);
  const mine = readAuditLog('.test-results/audit.log').filter((l) => l.project === projectId);
  expect(mine.filter((l) => l.event === 'secret.value.read' && l.outcome === 'ok').length).toBeGreaterThanOrEqual(5);
  expect(mine.filter((l) => l.event === 'secret.value.copy').length).toBe(5);
});
