// Code a page loads after it is drawn (its keys, its sections below the fold, the list's health
// flags): a key pressed before its code is here is not lost, and code that cannot be loaded costs
// only its own part of the page, never the page.
import type { Page, Route } from '@playwright/test';
import { DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

/** Holds every request for a script whose name starts with `chunk` until `release` is called. */
async function holdChunk(page: Page, chunk: string) {
  const held: Route[] = [];
  let released = false;
  await page.route(new RegExp(`/assets/${chunk}-[^/]+\\.js$`), (route) => (released ? route.continue() : void held.push(route)));
  return {
    requested: () => held.length > 0,
    release: async () => {
      released = true;
      await Promise.all(held.map((route) => route.continue()));
    },
  };
}

test('a key pressed before the keys have loaded is run once they are here', async ({ page }) => {
  const keys = await holdChunk(page, 'keyboard-keys');
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByRole('heading', { name: 'Secrets' })).toBeVisible();
  await expect.poll(keys.requested).toBe(true);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await keys.release();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('Ctrl-K opens the palette before the other keys have loaded', async ({ page }) => {
  await holdChunk(page, 'keyboard-keys');
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByRole('heading', { name: 'Secrets' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
});

test('keys whose code cannot be loaded leave the page as it is', async ({ page }) => {
  await page.route(/\/assets\/(keyboard-keys|secret-table-keys)-[^/]+\.js$/, (route) => route.abort());
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByRole('link', { name: 'prod-mysql-orders' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByText('Something went wrong')).toBeHidden();
});

test('a section below the fold whose code cannot be loaded says so in its place; the rest of the page stays', async ({ page }) => {
  await page.route(/\/assets\/secret-detail-sections-[^/]+\.js$/, (route) => route.abort());
  await page.goto(secretPath(DEMO_PROJECT, 'prod-mysql-orders'));
  await expect(page.getByRole('heading', { name: 'prod-mysql-orders', level: 1 })).toBeVisible();
  await expect(page.getByText('This part of the page could not be loaded. Reload the page to try again.').first()).toBeVisible();
  await expect(page.getByText('Something went wrong')).toBeHidden();
});

test("the list's health flags fill in once their code is here; until then their counts are not said", async ({ page }) => {
  const health = await holdChunk(page, 'list-health');
  await page.goto(secretPath(DEMO_PROJECT));
  const row = page.getByRole('row', { name: /prod-mysql-orders/ });
  await expect(row).toBeVisible();
  await expect.poll(health.requested).toBe(true);
  await expect(row).not.toContainText('Rotation overdue');
  await expect(page.getByLabel('Rotation').getByRole('option', { name: 'Overdue (…)' })).toBeAttached();
  await health.release();
  await expect(row).toContainText('Rotation overdue');
  await expect(page.getByLabel('Rotation').getByRole('option', { name: /^Overdue \(\d+\)$/ })).toBeAttached();
});
