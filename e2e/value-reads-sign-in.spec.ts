// Who read a value, as another person sees it (CONSOLE_AUTH=iam, the sign-in project's console):
// the operator reveals a version; the auditor, who may read the secret's metadata but no value
// and no rotation task, sees that read on the secret's page and in its summary, and the page says
// the last rotation is unknown and which permission would tell it.
import type { Page } from '@playwright/test';
import { DEMO_IAM, DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { expect, expectClipboard, secretPath, test } from './fixtures.ts';

const { production } = DEMO_PROJECTS;
const [operator, auditor] = DEMO_IAM.users;

async function signIn(page: Page, user: { name: string; password: string }) {
  await page.getByLabel('Account name').fill(DEMO_IAM.domain);
  await page.getByLabel('IAM user name').fill(user.name);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a reveal by the operator is a value read the auditor sees, with who and when, on the page and in the summary', async ({
  page,
  browser,
  context,
}) => {
  const operatorContext = await browser.newContext();
  const operatorPage = await operatorContext.newPage();
  await operatorPage.goto(`${secretPath(production.id, 'grafana-admin')}/versions/v1`);
  await signIn(operatorPage, operator!);
  await operatorPage.getByRole('button', { name: 'Reveal value' }).click();
  await expect(operatorPage.getByRole('button', { name: 'Hide value' })).toBeVisible();
  await operatorContext.close();

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(secretPath(production.id, 'grafana-admin'));
  await signIn(page, auditor!);
  const reads = page.getByTestId('value-reads');
  const row = reads.getByRole('row').filter({ hasText: operator!.name }).filter({ hasText: 'revealed' }).first();
  await expect(row).toContainText('v1');
  await expect(reads).toContainText("The console's signed audit log is the authority.");
  // The auditor has no csms:task:list: the failed-rotation check is unknown, and says why.
  await expect(page.getByTestId('secret-health')).toContainText('Last rotation: unknown.');
  await expect(page.getByTestId('secret-health').locator('code')).toHaveText(/csms/);

  await page.getByRole('button', { name: 'Copy summary' }).click();
  await expectClipboard(page).toMatch(
    new RegExp(
      `Value reads \\(newest 10\\):\\n(  .*\\n)*  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\S*${operator!.name}\\S* revealed v1 \\(instance`,
    ),
  );
});
