// Every error state, produced for real through the emulator's fault injection.
import { countRequests, DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

test('an invalid parameter in the URL is refused before any request, as a wrong address', async ({ page, projectId }) => {
  const api = countRequests(page, /^\/api\/v1\//);
  await page.goto(`/projects/${projectId}/secrets/bad%20name`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This address is wrong');
  await expect(alert).toContainText('A secret name may contain only letters, digits, "_" and "-". Nothing was sent to CSMS.');
  await expect(alert).not.toContainText('CSMS.0002');
  await page.goto(`/projects/${projectId}/secrets/db/versions/v1x`);
  await expect(alert).toContainText('"v1x" is not a version id');
  await page.goto('/projects/not-a-project/secrets');
  await expect(alert).toContainText('is not a project id');
  await expect(alert.getByRole('link', { name: 'cn-north-4_production' })).toBeVisible();
  expect(api.count).toBe(0);
});

test('a wrong address offers the likely fix', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT, 'prod-postgres-app')}/versions/3`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('"3" is not a version id: use v1, v2, … or latest. Nothing was sent to CSMS.');
  await expect(alert).not.toContainText('HTTP');
  await alert.getByRole('link', { name: 'v3' }).click();
  await expect(page.getByRole('heading', { name: 'prod-postgres-app version v3' })).toBeVisible();
  await page.goto(secretPath(DEMO_PROJECT, 'bad%20name'));
  await alert.getByRole('link', { name: 'Search the secrets for “bad name”' }).click();
  await expect(page.getByLabel('Secret name')).toHaveValue('bad name');
});

test('an error whose body has no request id shows the one in X-Request-Id', async ({ page, projectId }) => {
  // The answer is made here, as the console server sends its own errors (no upstream id in the body).
  await page.route(`**/api/v1/${projectId}/secrets/db**`, (route) =>
    route.fulfill({
      status: 400,
      headers: { 'content-type': 'application/json', 'x-request-id': 'console-req-4f2a' },
      body: JSON.stringify({ error_code: 'CONSOLE.0400', error_msg: 'Refused by the console.' }),
    }),
  );
  await page.goto(secretPath(projectId, 'db'));
  await expect(page.getByRole('alert')).toContainText(/Request id\s*console-req-4f2a/);
});

test('a missing secret shows not found with the CSMS code and request id', async ({ page, projectId }) => {
  await page.goto(secretPath(projectId, 'missing'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not found');
  await expect(alert).toContainText('CSMS.0106');
  await expect(alert).toContainText(/Request id\s*[0-9a-f]{32}/);
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

test('an unknown page has a way back', async ({ page }) => {
  await page.goto('/nowhere/at/all');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  // A fresh browser has no project used last: the way back is the overview of every project.
  await page.getByRole('link', { name: 'Go to the secrets' }).click();
  await expect(page).toHaveURL('/overview');
});

test('5xx: retried twice, then an error with a retry button that works', async ({ page, projectId, csms, emulator }) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  const path = `/v1/${projectId}/secrets/db$`;
  await emulator.addFault({ path, count: 3, status: 503, body: { error_code: 'CSMS.0503', error_msg: 'Service unavailable.' } });
  await page.goto(secretPath(projectId, 'db'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('CSMS is unavailable', { timeout: 15_000 });
  await expect(alert).toContainText('CSMS.0503');
  await expect(alert).toContainText('Try again in a moment.');
  await expect(alert).not.toContainText('older answer'); // plain words, no jargon
  expect((await emulator.requests(new RegExp(path))).length).toBe(3);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: 'db', level: 1 })).toBeVisible();
});

test('401: says how to sign in; never retried', async ({ page, projectId, csms, emulator }) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  const path = `/v1/${projectId}/secrets/db$`;
  await emulator.addFault({
    path,
    status: 401,
    body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information.', request_id: 'req-401' },
  });
  await page.goto(secretPath(projectId, 'db'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not signed in to Huawei Cloud');
  await expect(alert).toContainText('HUAWEICLOUD_SDK_AK');
  await expect(alert).toContainText('req-401');
  expect((await emulator.requests(new RegExp(path))).length).toBe(1);
});

test('403: names the IAM permission the call needs', async ({ page, projectId, csms, emulator }) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  await emulator.addFault({
    path: `/v1/${projectId}/secrets/db/versions$`,
    status: 403,
    body: { error_code: 'CSMS.0403', error_msg: 'Forbidden.' },
  });
  await page.goto(secretPath(projectId, 'db'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Permission denied');
  await expect(alert).toContainText('csms:secret:listVersion');
});

test('429: honours Retry-After, then says when to retry', async ({ page, projectId, csms, emulator }) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  const path = `/v1/${projectId}/secrets/db$`;
  await emulator.addFault({
    path,
    count: 3,
    status: 429,
    headers: { 'Retry-After': '1' },
    body: { error_code: 'APIGW.0308', error_msg: 'Throttled.' },
  });
  const started = Date.now();
  await page.goto(secretPath(projectId, 'db'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Too many requests', { timeout: 15_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // two waits of 1 s
  await expect(alert).toContainText('CSMS asked to wait 1 s');
  expect((await emulator.requests(new RegExp(path))).length).toBe(3);
});

test('a timeout, a reset connection and a malformed body each give a clear error', async ({ page, projectId, csms, emulator }) => {
  test.setTimeout(60_000);
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  const path = `/v1/${projectId}/secrets/db$`;
  await emulator.addFault({ path, count: 3, delay_ms: 3500 });
  await page.goto(secretPath(projectId, 'db'));
  await expect(page.getByRole('alert')).toContainText('CSMS did not answer in time', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toContainText('CONSOLE.0504');

  await emulator.addFault({ path, count: 3, reset: true });
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toContainText('CONSOLE.0502', { timeout: 15_000 });

  await emulator.addFault({ path, count: 3, malformed: true });
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toContainText('not JSON', { timeout: 15_000 });
});

for (const status of [500, 502, 503, 504]) {
  test(`${status}: retried exactly twice`, async ({ page, projectId, csms, emulator }) => {
    await csms.createSecret({ name: 'db', secret_string: 'x' });
    const path = `/v1/${projectId}/secrets/db/versions$`;
    await emulator.addFault({ path, count: 3, status, body: { error_code: `CSMS.${status}`, error_msg: `Injected ${status}.` } });
    await page.goto(secretPath(projectId, 'db'));
    await expect(page.getByRole('alert')).toContainText(`CSMS.${status}`, { timeout: 15_000 });
    expect((await emulator.requests(new RegExp(path))).length).toBe(3);
  });
}

test('a failed value read never shows an older value', async ({ page, projectId, csms, emulator }) => {
  await csms.createSecret({ name: 'db', secret_string: 'OLD-VALUE-1' });
  await page.goto(`${secretPath(projectId, 'db')}/versions/v1`);
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await expect(page.getByTestId('secret-value')).toHaveText('OLD-VALUE-1');
  await page.getByRole('button', { name: 'Hide value' }).click();
  await emulator.addFault({ path: `/v1/${projectId}/secrets/db/versions/v1$`, count: 3, status: 503 });
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await expect(page.getByRole('alert')).toContainText('The value could not be read', { timeout: 15_000 });
  expect(await page.content()).not.toContain('OLD-VALUE-1');
});

test('429: says CSMS is busy and when the next try is, then loads', async ({ page, projectId, csms, emulator }) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  await emulator.addFault({
    path: `/v1/${projectId}/secrets/db$`,
    status: 429,
    headers: { 'Retry-After': '3' },
    body: { error_code: 'APIGW.0308', error_msg: 'Throttled.' },
  });
  await page.goto(secretPath(projectId, 'db'));
  const retrying = page.getByRole('status', { name: 'Retrying' });
  await expect(retrying).toContainText(/Loading the secret: CSMS is busy, trying again in [1-3] s/);
  await expect(page.getByRole('link', { name: 'CSMS console' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'db', level: 1 })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(/trying again/)).toHaveCount(0);
});

test('no answer: says which try is next, and Cancel shows the error at once, with Retry', async ({ page, projectId, csms, emulator }) => {
  test.setTimeout(60_000);
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  await emulator.addFault({ path: `/v1/${projectId}/secrets/db$`, count: 2, delay_ms: 3500 });
  await page.goto(secretPath(projectId, 'db'));
  const retrying = page.getByRole('status', { name: 'Retrying' });
  await expect(retrying).toContainText('Loading the secret: No answer yet from CSMS, trying again (2 of 3)', { timeout: 10_000 });
  await retrying.getByRole('button', { name: 'Cancel' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('CSMS did not answer in time', { timeout: 1000 });
  await expect(page.getByText(/trying again/)).toHaveCount(0);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: 'db', level: 1 })).toBeVisible({ timeout: 20_000 });
});

test('429 with a Retry-After over 10 s: shown at once with the time to wait, not retried behind "Loading"', async ({
  page,
  projectId,
  csms,
  emulator,
}) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  const path = `/v1/${projectId}/secrets/db$`;
  await emulator.addFault({
    path,
    count: 3,
    status: 429,
    headers: { 'Retry-After': '60' },
    body: { error_code: 'APIGW.0308', error_msg: 'Throttled.' },
  });
  await page.goto(secretPath(projectId, 'db'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Too many requests');
  await expect(alert).toContainText('CSMS asked to wait 60 s');
  await expect(alert.getByRole('button', { name: /Retry in \d+ s/ })).toBeDisabled();
  expect((await emulator.requests(new RegExp(path))).length).toBe(1);
});
