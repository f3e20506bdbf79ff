// What a person who knows a name, or pastes a link, needs to land on the right secret of the
// right environment: Enter opens only an exact name of the project shown; every secret page names
// its project and region, production marked; the landing page; links with a stray character.
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { expect, expectNoAxeViolations, secretPath, test } from './fixtures.ts';

const STAGING = DEMO_PROJECTS.staging;
const PRODUCTION = DEMO_PROJECTS.production;

test('Enter on a name of another project opens nothing here: it lists the near names and where the exact one is', async ({ page }) => {
  await page.goto(secretPath(STAGING.id));
  const input = page.getByLabel('Secret name');
  await input.fill('jwt-signing-key');
  await expect(page.getByText('1 of 12 secrets match')).toBeVisible();
  await input.press('Enter');
  await expect(page.getByText('No secret is named jwt-signing-key in this project; 1 secret matches:')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Secrets that match' }).getByRole('link')).toHaveText(['staging-jwt-signing-key']);
  const elsewhere = page.getByRole('list', { name: 'In other projects' });
  await expect(elsewhere).toHaveText(`jwt-signing-key is in project ${PRODUCTION.name} · ${PRODUCTION.region}`);
  await expect(page).toHaveURL(`${secretPath(STAGING.id)}?q=jwt-signing-key`);
  await elsewhere.getByRole('link').click();
  await expect(page).toHaveURL(secretPath(PRODUCTION.id, 'jwt-signing-key'));
  await expect(page.getByRole('heading', { name: 'jwt-signing-key', level: 1 })).toBeVisible();
});

test('简体中文: Enter lists the choices and the project that holds the exact name', async ({ page }) => {
  await page.goto(`${secretPath(STAGING.id)}?lang=zh-CN`);
  const input = page.getByLabel('凭据名称');
  await input.fill('jwt-signing-key');
  await input.press('Enter');
  await expect(page.getByRole('list', { name: '匹配的凭据' }).getByRole('link')).toHaveText(['staging-jwt-signing-key']);
  await expect(page.getByRole('list', { name: '其他项目中' })).toHaveText(
    `jwt-signing-key 在项目 ${PRODUCTION.name} · ${PRODUCTION.region} 中`,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('凭据');
});

test('a fresh browser lands on the overview of every project; then on the project used last', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL('/overview');
  await page.goto(secretPath(STAGING.id));
  await expect(page.getByRole('link', { name: 'staging-postgres-app' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(secretPath(STAGING.id));
  await page.getByLabel('Project').selectOption({ label: `${PRODUCTION.name} · ${PRODUCTION.region}` });
  await expect(page.getByRole('link', { name: 'kafka-sasl-credentials' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(secretPath(PRODUCTION.id));
});

const PAGES = [
  ['secret', secretPath(PRODUCTION.id, 'jwt-signing-key')],
  ['stage', `${secretPath(PRODUCTION.id, 'jwt-signing-key')}/stages/SYSCURRENT`],
  ['version', `${secretPath(PRODUCTION.id, 'jwt-signing-key')}/versions/v1`],
] as const;

for (const [what, path] of PAGES)
  test(`the ${what} page names its project and region, and marks production`, async ({ page }) => {
    await page.goto(path);
    const environment = page.getByRole('region', { name: 'Environment' });
    await expect(environment).toContainText(`Project ${PRODUCTION.name}`);
    await expect(environment).toContainText(`Region ${PRODUCTION.region}`);
    await expect(environment.getByText(/^▲Production$/)).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(PRODUCTION.name));
  });

test('a project not labelled production has no production cue', async ({ page }) => {
  await page.goto(secretPath(STAGING.id, 'staging-jwt-signing-key'));
  const environment = page.getByRole('region', { name: 'Environment' });
  await expect(environment).toContainText(`Project ${STAGING.name}`);
  await expect(environment).toContainText(`Region ${STAGING.region}`);
  await expect(environment).not.toContainText('Production');
});

test('简体中文, light and dark: the production cue is words, readable in both themes', async ({ page }) => {
  await page.goto(`${secretPath(PRODUCTION.id, 'jwt-signing-key')}?lang=zh-CN`);
  const environment = page.getByRole('region', { name: '环境' });
  await expect(environment).toContainText(`项目 ${PRODUCTION.name}`);
  await expect(environment).toContainText(`区域 ${PRODUCTION.region}`);
  await expect(environment.getByText(/^▲生产环境$/)).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `the secret page, ${colorScheme}`);
  }
});

test('versions/latest says when the newest version is not what SYSCURRENT readers get', async ({ page }) => {
  await page.goto(`${secretPath(PRODUCTION.id, 'jwt-signing-key')}/versions/latest`);
  const note = page.getByRole('note');
  await expect(note).toHaveText('“latest” is v5, not what SYSCURRENT readers get: SYSCURRENT is v4.');
  await note.getByRole('link', { name: 'v4' }).click();
  await expect(page).toHaveURL(`${secretPath(PRODUCTION.id, 'jwt-signing-key')}/versions/v4`);
  await page.goto(`${secretPath(PRODUCTION.id, 'jwt-signing-key')}/versions/latest?lang=zh-CN`);
  await expect(page.getByRole('note')).toHaveText('“latest” 是 v5，不是读取 SYSCURRENT 的应用拿到的版本：SYSCURRENT 是 v4。');
  // Where the newest is SYSCURRENT, one plain line.
  await page.goto(`${secretPath(PRODUCTION.id, 'smtp-relay')}/versions/latest`);
  await expect(page.getByText(/^“latest” is the newest version: v\d+\.$/)).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
});

test('"r" never reveals a value; "/" on a secret page focuses nothing; Esc in the search box clears it', async ({ page }) => {
  await page.goto(`${secretPath(PRODUCTION.id, 'jwt-signing-key')}/versions/v4`);
  await expect(page.getByRole('button', { name: 'Reveal value' })).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('r');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog');
  await expect(help).toBeVisible();
  await expect(help).not.toContainText('Reveal');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Reveal value' })).toBeVisible();
  await expect(page.getByLabel('Value hidden')).toBeVisible();

  await page.goto(secretPath(PRODUCTION.id, 'jwt-signing-key'));
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page.locator('input:focus')).toHaveCount(0);

  await page.goto(secretPath(PRODUCTION.id));
  const input = page.getByLabel('Secret name');
  await input.fill('redis');
  await expect(page).toHaveURL(/\?q=redis$/);
  await input.press('Escape');
  await expect(input).toHaveValue('');
  await expect(input).toBeFocused();
  await expect(page.getByText('22 secrets')).toBeVisible();
});

test('the palette finds a name from several words', async ({ page }) => {
  await page.goto(secretPath(PRODUCTION.id));
  await page.getByRole('button', { name: /Go to/ }).click();
  const box = page.getByRole('combobox', { name: 'Go to a secret, a page or an action' });
  await box.fill('redis pass');
  const first = page.getByRole('listbox', { name: 'Results' }).getByRole('option').first();
  await expect(first).toContainText('redis-cache-password');
  await box.fill('mysql orders');
  await expect(first).toContainText('prod-mysql-orders');
});

test('at 1440 px each "Updated" cell is one line, and no empty band sits under the search box', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(secretPath(PRODUCTION.id));
  // The "Updated" column's time: the only <time> of a row.
  const updated = page.getByRole('row').nth(1).locator('time');
  await expect(updated).toContainText('GMT');
  const box = await updated.boundingBox();
  expect(box!.height, 'one line of text').toBeLessThan(24);
  const input = await page.getByLabel('Secret name').boundingBox();
  const filters = await page.getByRole('group', { name: 'Filters' }).boundingBox();
  expect(filters!.y - (input!.y + input!.height), 'the gap between the search box and the filters').toBeLessThan(24);
});

test('a project name where its id belongs goes to the id, the rest of the address kept', async ({ page }) => {
  await page.goto(`/projects/${PRODUCTION.name}/secrets/jwt-signing-key/versions/v4?lang=zh-CN`);
  await expect(page).toHaveURL(`${secretPath(PRODUCTION.id, 'jwt-signing-key')}/versions/v4?lang=zh-CN`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('jwt-signing-key');
  await page.goto(`/projects/${STAGING.name}/secrets`);
  await expect(page).toHaveURL(secretPath(STAGING.id));
});
