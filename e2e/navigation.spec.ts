// Getting around: the header, the way back from an error, the page titles.
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { expect, secretPath, test } from './fixtures.ts';

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
