// Per-user IAM sign-in (CONSOLE_AUTH=iam), against the console started with it and the emulator's
// IAM with the demo users: sign-in, a permitted read, refusals naming the permission, a pasted
// token, expiry (values masked, back to the page after signing in again) and sign-out.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { E2E_IAM_PORT, IAM_EMULATOR_PORT } from '../playwright.config.ts';
import { DEMO_IAM, DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { emulatorAdmin } from '../src/emulator/testing/admin-client.ts';
import { requestToken } from '../src/emulator/testing/iam-tokens.ts';
import { readAuditLog } from '../src/server/testing/audit-log.ts';
import { countRequests, expect, test } from './fixtures.ts';

const IAM_EMULATOR = `http://127.0.0.1:${IAM_EMULATOR_PORT}`;
const iamEmulator = emulatorAdmin(IAM_EMULATOR);
const { production, staging } = DEMO_PROJECTS;
const [operator, auditor] = DEMO_IAM.users as [(typeof DEMO_IAM.users)[number], (typeof DEMO_IAM.users)[number]];
const grafana = `/projects/${production.id}/secrets/grafana-admin`;

async function signIn(page: Page, user: { name: string; password: string }) {
  await page.getByLabel('Account name').fill(DEMO_IAM.domain);
  await page.getByLabel('IAM user name').fill(user.name);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const auditLines = () => readAuditLog('.test-results/audit-iam.log');

test('a deep link asks for sign-in, checks the form before sending it, then opens the page', async ({ page }) => {
  await page.goto(grafana);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('next')).toBe(grafana);

  const signIns = countRequests(page, /^\/api\/session$/);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter the account name.')).toBeVisible();
  await expect(page.getByText('Enter the password.')).toBeVisible();
  await expect(page.getByLabel('Account name')).toBeFocused();
  expect(signIns.count).toBe(0);
  // The problems follow the language.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByText('请输入账号名。')).toBeVisible();
  await expect(page.getByText('Enter the password.')).toBeHidden();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByText('Enter the account name.')).toBeVisible();

  await signIn(page, { name: operator.name, password: 'Not-the-password-1' });
  await expect(page.getByRole('alert')).toContainText('IAM refused the sign-in. Check the account name, user name and password');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  expect(signIns.count).toBe(1);

  await signIn(page, operator);
  await expect(page.getByRole('heading', { name: 'grafana-admin', level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(grafana);
  await expect(page.getByText(`operator · ${DEMO_IAM.domain}`)).toBeVisible();
  // Both projects of the operator, by region.
  await expect(page.getByLabel('Project').getByRole('option')).toHaveText([
    `${staging.name} · ap-southeast-1`,
    `${production.name} · cn-north-4`,
  ]);
  // The session is a cookie no script can read; no token is anywhere the page can reach.
  const cookies = await page.context().cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ name: '__Host-csms-session', httpOnly: true, secure: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.content()).not.toContain('MII');
  await expect
    .poll(() => auditLines().at(-1))
    .toMatchObject({ event: 'session.sign-in', who: `iam:${DEMO_IAM.domain}/operator`, outcome: 'ok' });
});

test('the auditor reads metadata; a value, and another project, are refused with the permission named', async ({ page }) => {
  await page.goto(`/projects/${production.id}/secrets`);
  await signIn(page, auditor);
  await expect(page.getByRole('link', { name: 'grafana-admin' })).toBeVisible();
  await expect(page.getByLabel('Project').getByRole('option')).toHaveText([`${production.name} · cn-north-4`]);

  await page.goto(`${grafana}/versions/latest`);
  await page.getByRole('button', { name: 'Reveal value' }).click();
  const refused = page.getByRole('alert');
  await expect(refused).toContainText('needs the IAM permission csms:secret:getVersion');
  await expect(refused).toContainText('CSMS.0403');
  await expect
    .poll(() => auditLines().at(-1))
    .toMatchObject({ event: 'secret.value.read', who: `iam:${DEMO_IAM.domain}/auditor`, outcome: 'denied' });
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(refused).toBeHidden();
  await expect(page.getByLabel('Value hidden')).toBeVisible();
  // No second refused (and audited) call: both stay off, the permission named.
  await expect(page.getByRole('button', { name: 'Reveal value' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Copy value' })).toBeDisabled();
  await expect(page.getByText(/needs the IAM permission csms:secret:getVersion .*Reveal and Copy stay off/)).toBeVisible();

  // A project the auditor has no token for: one message saying which, that this user cannot use
  // it, and who can change that; no advice about a CSMS permission.
  await page.goto(`/projects/${staging.id}/secrets`);
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('You cannot use this project');
  await expect(refusal).toContainText(
    `Project ${staging.id} is not one of the projects your IAM user auditor (account ${DEMO_IAM.domain}) may use.`,
  );
  await expect(refusal).toContainText(`An administrator of the ${DEMO_IAM.domain} account can give you access to it in IAM`);
  await expect(refusal).not.toContainText('csms:secret:list');
  await expect(page.getByLabel('Project').locator('option:checked')).toHaveText('7c1d9e2f… (no access)');
  await expect(page.getByLabel('Secret name')).toHaveCount(0);
  await refusal.getByRole('link', { name: production.name }).click();
  await expect(page.getByRole('link', { name: 'grafana-admin' })).toBeVisible();
});

test('at 375 px the header of a signed-in user fits', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/projects/${production.id}/secrets`);
  await signIn(page, operator);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Times: / })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('a pasted project token signs in to that project only', async ({ page }) => {
  const res = await requestToken(IAM_EMULATOR, { domain: DEMO_IAM.domain, ...operator }, { project: { id: staging.id } });
  const token = res.headers.get('x-subject-token')!;
  // A return path to another site is ignored: the console's own home page opens instead.
  await page.goto('/sign-in?next=//evil.example/steal');
  await page.getByRole('radio', { name: 'IAM token' }).check();
  await page.getByRole('textbox', { name: 'IAM token' }).fill('not a token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('without spaces or line breaks')).toBeVisible();
  await page.getByRole('textbox', { name: 'IAM token' }).fill(`${token}\n`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Secrets' })).toBeVisible();
  expect(page.url()).toMatch(new RegExp(`^http://127.0.0.1:${E2E_IAM_PORT}/projects/${staging.id}/secrets$`));
  await expect(page.getByLabel('Project').getByRole('option')).toHaveText([`${staging.name} · ap-southeast-1`]);
  await expect(page.getByRole('link', { name: 'staging-redis' })).toBeVisible();
});

test('when the token expires, values are masked and signing in again returns to the page', async ({ page }) => {
  const version = `${grafana}/versions/latest`;
  await page.goto(version);
  await signIn(page, operator);
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await page.getByRole('button', { name: 'JSON' }).click();
  const value = page.getByTestId('secret-value');
  await expect(value).toBeVisible();
  const shown = (await value.textContent())!;
  expect(shown.length).toBeGreaterThan(4);

  await iamEmulator.expireTokens();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Secrets' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/Your session ended/);
  expect(new URL(page.url()).searchParams.get('next')).toBe(version);
  expect(await page.content()).not.toContain(shown);
  expect(await page.context().cookies()).toEqual([]);
  await expect.poll(() => auditLines().at(-1)).toMatchObject({ event: 'session.end', outcome: 'token-refused' });

  await signIn(page, operator);
  await expect(page.getByRole('heading', { name: 'grafana-admin' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(version);
  await expect(page.getByLabel('Value hidden')).toBeVisible();
});

test('sign-out ends the session and leaves nothing in the browser', async ({ page, context }) => {
  await page.goto(`${grafana}/versions/latest`);
  await signIn(page, operator);
  await page.getByRole('button', { name: /theme/i }).click(); // a stored preference, to see it cleared
  expect(await page.evaluate(() => localStorage.getItem('csms-console:theme'))).not.toBeNull();
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await page.getByRole('button', { name: 'JSON' }).click();
  const shown = (await page.getByTestId('secret-value').textContent())!;

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toHaveText(/You are signed out/);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
  expect(JSON.stringify(await context.storageState({ indexedDB: true }))).not.toContain(shown);
  expect(await page.content()).not.toContain(shown);
  await expect.poll(() => auditLines().at(-1)).toMatchObject({ event: 'session.sign-out', who: `iam:${DEMO_IAM.domain}/operator` });

  // Back cannot bring the page (or its value) back, and the session is gone on the server too.
  await page.goBack();
  expect(await page.content()).not.toContain(shown);
  await page.goto(`${grafana}/versions/latest`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // Neither the server's log (after the start banner with the demo passwords) nor the audit holds
  // a password, a token or a session id.
  const serverLog = readFileSync('.test-results/server-iam.log', 'utf8').split('Press Ctrl-C to stop.')[1]!;
  const logs = serverLog + readFileSync('.test-results/audit-iam.log', 'utf8');
  expect(logs).toContain('"url":"/api/session"');
  for (const secret of [operator.password, auditor.password, 'Not-the-password-1', 'MII', '__Host-csms-session='])
    expect(logs).not.toContain(secret);
});

test('a user with a virtual MFA device signs in with the code; a bad return path goes home', async ({ page }) => {
  const secops = DEMO_IAM.users.find((u) => u.totp_secret)!;
  // A return path that is no page of this app (a tab in it) must neither hang nor leave the app.
  await page.goto('/sign-in?next=/%09/evil');
  await page.getByLabel('Account name').fill(DEMO_IAM.domain);
  await page.getByLabel('IAM user name').fill(secops.name);
  await page.getByLabel('Password', { exact: true }).fill(secops.password);
  await page.getByRole('checkbox', { name: 'My user signs in with a virtual MFA device' }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('An IAM user ID is 32 letters')).toBeVisible();
  await expect(page.getByText('Enter the 6-digit code')).toBeVisible();
  await page.getByLabel('IAM user ID').fill(secops.id!);
  await page.getByLabel('MFA code').fill(new TOTP({ secret: Secret.fromBase32(secops.totp_secret!) }).generate());
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Home for a fresh browser and two projects: the overview of both.
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByText(`secops · ${DEMO_IAM.domain}`)).toBeVisible();
  expect(auditLines().at(-1)).toMatchObject({ event: 'session.sign-in', who: `iam:${DEMO_IAM.domain}/secops`, method: 'password+mfa' });
});

test('the overview of a user without csms::listTasks names that part and its permission; the rest shows', async ({ page }) => {
  await page.goto(`/projects/${production.id}/overview`);
  await signIn(page, auditor);
  await expect(page.getByRole('heading', { name: `Overview of ${production.name}`, level: 1 })).toBeVisible();
  const missing = page.getByRole('region', { name: 'Parts not read' });
  await expect(missing.getByRole('listitem')).toHaveText([
    /^Rotation tasks could not be read: CSMS\.0403 .+ It needs the IAM permission csms::listTasks \(role-based: csms:task:list\)\./,
  ]);
  // Without the tasks, failed rotations are unknown (not zero); everything else is there.
  const counts = page.getByRole('list', { name: 'Counts' });
  await expect(counts.getByRole('listitem').filter({ hasText: 'Rotation failed' })).toHaveText('—Rotation failed');
  await expect(counts.getByRole('listitem').filter({ hasText: 'Rotation overdue' })).toHaveText('1Rotation overdue');
  await expect(counts.getByRole('listitem').filter({ hasText: 'Expire within 7 days' })).toHaveText('1Expire within 7 days');
  const attention = page.getByRole('list', { name: 'Needs attention' });
  await expect(attention.getByRole('listitem').first()).toContainText('prod-mysql-ordersRotation overdue');
  await expect(attention).not.toContainText('Rotation failed');
  await expect(page.getByRole('region', { name: 'Recent notifications' }).getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('region', { name: 'Subscribed events' }).getByRole('listitem')).toHaveCount(3);
});
