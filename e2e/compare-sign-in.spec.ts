// Compare as an IAM user (CONSOLE_AUTH=iam, run with the sign-in project's console): the auditor
// reads metadata but no value (no csms:secret:getVersion) in production and has no access to
// staging. Each side says why it was refused, with the permission or the project, and no value
// reaches the browser.
import type { Page } from '@playwright/test';
import { DEMO_IAM, DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { expect, test } from './fixtures.ts';

const { production, staging } = DEMO_PROJECTS;
const auditor = DEMO_IAM.users.find((u) => u.name === 'auditor')!;

async function signIn(page: Page, user: { name: string; password: string }) {
  await page.getByLabel('Account name').fill(DEMO_IAM.domain);
  await page.getByLabel('IAM user name').fill(user.name);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a user without csms:secret:getVersion: each side refused, saying why, and no value in any answer', async ({ page }) => {
  const bodies: Promise<string>[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname === '/api/compare') bodies.push(res.text());
  });
  const compare = `/projects/${production.id}/secrets/grafana-admin/compare?a=v1&b=${staging.id}/grafana-admin/SYSCURRENT`;
  await page.goto(compare);
  await signIn(page, auditor);
  await expect(page.getByText('Not compared: a side could not be read (see below).')).toBeVisible();
  const a = page.getByRole('region', { name: 'A', exact: true }).getByRole('alert');
  await expect(a).toContainText('Read refused');
  await expect(a).toContainText('Reading this value needs the IAM permission csms:secret:getVersion');
  // Staging is not one of the auditor's projects: the console refuses it before asking CSMS.
  await expect(page.getByRole('region', { name: 'B', exact: true }).getByRole('alert')).toContainText('Read refused');
  const answers = await Promise.all(bodies);
  expect(answers).toHaveLength(1);
  expect(answers[0]).not.toMatch(/secret_string|secret_binary/);
});
