// Getting around: the header, the way back from an error, the page titles.
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

const staging = DEMO_PROJECTS.staging.id;

test('the logo and "Back to the secrets" lead to the current project, not the first one', async ({ page }) => {
  await page.goto(secretPath(staging, 'staging-redis'));
  await expect(page.getByRole('heading', { name: 'staging-redis', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'CSMS console' }).click();
  await expect(page).toHaveURL(secretPath(staging));
  await expect(page.getByRole('link', { name: 'staging-postgres-app' })).toBeVisible();

  await page.goto(secretPath(staging, 'missing'));
  await page.getByRole('link', { name: 'Back to the secrets' }).click();
  await expect(page).toHaveURL(secretPath(staging));
});

test('a slow cold load keeps the header and the margins, with a skeleton shaped like the page', async ({
  page,
  projectId,
  csms,
  emulator,
}) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  await page.setViewportSize({ width: 1600, height: 900 });
  const pages = [
    [secretPath(projectId), 'secrets$', 'the secrets', page.getByRole('heading', { name: 'Secrets', level: 1 })],
    [secretPath(projectId, 'db'), 'secrets/db$', 'the secret', page.getByRole('heading', { name: 'db', level: 1 })],
    [`${secretPath(projectId, 'db')}/versions/v1`, 'secrets/db$', 'the version', page.getByRole('heading', { name: 'Value', exact: true })],
  ] as const;
  for (const [url, path, what, loaded] of pages) {
    // Every matching call is slow until the page has loaded: the overview's sweep, started beside
    // the list, lists the secrets too, and must not take the only slow answer.
    const fault = await emulator.addFault({ path: `/v1/${projectId}/${path}`, delay_ms: 2000, count: 100 });
    await page.goto(url);
    const skeleton = page.getByRole('main').getByRole('status', { name: `Loading ${what}` });
    // Read at once, while the skeleton is there: the frame's header, and the margins of its column.
    const frame = await skeleton.evaluate((el) => ({
      header: document.querySelector('header')?.textContent ?? '',
      width: el.closest('main')!.getBoundingClientRect().width,
    }));
    expect(frame.header).toContain('CSMS console');
    expect(frame.width).toBeLessThanOrEqual(1280);
    await expect(loaded).toBeVisible();
    await expect(skeleton).toBeHidden();
    await emulator.removeFault(fault.id);
  }
});

test('each tab names its page, secret, stage or version, and project', async ({ page }) => {
  const titles = [
    [secretPath(DEMO_PROJECT), 'Secrets · cn-north-4_production — CSMS console'],
    [secretPath(DEMO_PROJECT, 'prod-mysql-orders'), 'prod-mysql-orders · cn-north-4_production — CSMS console'],
    [
      `${secretPath(DEMO_PROJECT, 'prod-mysql-orders')}/stages/SYSCURRENT`,
      'prod-mysql-orders · SYSCURRENT · cn-north-4_production — CSMS console',
    ],
    [`${secretPath(DEMO_PROJECT, 'prod-postgres-app')}/versions/latest`, 'prod-postgres-app · v3 · cn-north-4_production — CSMS console'],
    [secretPath(staging, 'missing'), 'Not found · missing · ap-southeast-1_staging — CSMS console'],
    ['/nowhere', 'Page not found — CSMS console'],
  ] as const;
  for (const [url, title] of titles) {
    await page.goto(url);
    await expect(page).toHaveTitle(title);
  }
});

test('the project selector: none on a page of no project, a short id shown whole', async ({ page }) => {
  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByLabel('Project')).toHaveCount(0);
  await page.goto('/projects/abc123/secrets');
  await expect(page.getByRole('alert')).toContainText('This address is wrong');
  await expect(page.getByLabel('Project').locator('option:checked')).toHaveText('abc123 (not configured)');
});

test('a missing secret or stage named in another case: "did you mean"', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT, 'JWT-signing-key'));
  await expect(page.getByRole('alert')).toContainText('Not found');
  await page.getByText('Did you mean').getByRole('link', { name: 'jwt-signing-key' }).click();
  await expect(page.getByRole('heading', { name: 'jwt-signing-key', level: 1 })).toBeVisible();
  await page.goto(`${secretPath(DEMO_PROJECT, 'jwt-signing-key')}/stages/canary`);
  await expect(page.getByRole('alert')).toContainText('Stage canary does not exist on jwt-signing-key');
  await page.getByText('Did you mean').getByRole('link', { name: 'CANARY' }).click();
  await expect(page.getByRole('heading', { name: 'jwt-signing-key stage CANARY' })).toBeVisible();
});

test.describe('a link pasted from chat with what the sentence put after it', () => {
  const jwt = secretPath(DEMO_PROJECT, 'jwt-signing-key');
  for (const [label, url, fix, heading] of [
    ['a full stop', `${jwt}.`, 'jwt-signing-key', { name: 'jwt-signing-key', level: 1 }],
    ['a space', `${jwt}%20`, 'jwt-signing-key', { name: 'jwt-signing-key', level: 1 }],
    ['a bracket', `${jwt}/stages/SYSCURRENT)`, 'SYSCURRENT', { name: 'jwt-signing-key stage SYSCURRENT' }],
  ] as const)
    test(`${label}: "did you mean" the name it almost is`, async ({ page }) => {
      await page.goto(url);
      await expect(page.getByRole('alert')).toContainText('This address is wrong');
      await page.getByText('Did you mean').getByRole('link', { name: fix, exact: true }).click();
      await expect(page.getByRole('heading', heading)).toBeVisible();
    });

  test('简体中文: the same offer', async ({ page }) => {
    await page.goto(`${jwt}/stages/SYSCURRENT)?lang=zh-CN`);
    await page.getByText('您要找的是').getByRole('link', { name: 'SYSCURRENT', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${jwt}/stages/SYSCURRENT$`));
  });
});
