// The keyboard: the command palette (Ctrl-K or the header's button) finds any secret of any
// project, ranks exact, prefix, then fuzzy, jumps, remembers what was opened (clearable), runs
// actions, traps focus in a real modal dialog and gives it back; `/` focuses the page's search box,
// `?` lists the shortcuts in effect; no shortcut fires while typing. The palette is its own chunk.
import type { Page } from '@playwright/test';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { DEMO_PROJECT, expect, expectClipboard, expectNoAxeViolations, secretPath, test } from './fixtures.ts';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const box = (page: Page) => palette(page).getByRole('combobox', { name: 'Go to a secret, a page or an action' });
const options = (page: Page) => palette(page).getByRole('option');

test('Ctrl-K opens the palette: exact, then prefix, then fuzzy, across projects; Enter jumps', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByRole('heading', { name: 'Secrets' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();

  await box(page).fill('smtp');
  await expect(options(page).nth(0)).toContainText('smtp-relay');
  await expect(options(page).nth(0)).toContainText(`${DEMO_PROJECTS.production.name} · ${DEMO_PROJECTS.production.region}`);
  await expect(options(page).nth(1)).toContainText('staging-smtp');
  await expect(options(page).nth(1)).toContainText(DEMO_PROJECTS.staging.name);

  await box(page).fill('staging-smtp');
  await expect(options(page).nth(0)).toContainText('staging-smtp');
  await box(page).fill('pmo');
  await expect(options(page).nth(0)).toContainText('prod-mysql-orders');

  // The arrows move the active option; Enter opens it (here in the other project).
  await box(page).fill('staging-redis');
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await box(page).press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page).toHaveURL(secretPath(DEMO_PROJECTS.staging.id, 'staging-redis'));
});

test('the header button opens it too; Esc closes it and focus goes back to the button', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  const button = page.getByRole('button', { name: 'Go to…' });
  await button.click();
  await expect(box(page)).toBeFocused();
  await expectNoAxeViolations(page);
  // Focus stays inside: Tab never reaches the page behind, which cannot take focus at all.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') ?? null)).toBeNull();
  }
  expect(
    await page.evaluate(
      () => (document.querySelector<HTMLElement>('main a, main input')!.focus(), document.activeElement?.closest('main') ?? null),
    ),
  ).toBeNull();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('a stage or a version of the secret shown, with the arrows', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT, 'kafka-sasl-credentials'));
  await expect(page.getByRole('row', { name: /^v20 / })).toBeVisible();
  await page.keyboard.press('Control+k');
  await box(page).fill('v19');
  await expect(options(page).nth(0)).toContainText('Version');
  await box(page).press('Enter');
  await expect(page).toHaveURL(`${secretPath(DEMO_PROJECT, 'kafka-sasl-credentials')}/versions/v19`);

  await page.keyboard.press('Control+k');
  await box(page).fill('SYSPREV');
  await expect(options(page).nth(0)).toContainText('Stage');
  await box(page).press('ArrowDown');
  await box(page).press('ArrowUp');
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await box(page).press('Enter');
  await expect(page).toHaveURL(`${secretPath(DEMO_PROJECT, 'kafka-sasl-credentials')}/stages/SYSPREVIOUS`);
});

test('with the box empty, the secrets opened lately come first; Clear forgets them for good', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT, 'sentry-dsn'));
  await expect(page.getByRole('heading', { name: /sentry-dsn/ })).toBeVisible();
  await page.goto(secretPath(DEMO_PROJECT, 'grafana-admin'));
  await expect(page.getByRole('heading', { name: /grafana-admin/ })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(options(page).nth(0)).toContainText('grafana-admin');
  await expect(options(page).nth(1)).toContainText('sentry-dsn');
  // Names only: no value is kept.
  expect(await page.evaluate(() => localStorage.getItem('csms-console:recent-secrets'))).toBe(
    JSON.stringify([
      { projectId: DEMO_PROJECT, name: 'grafana-admin' },
      { projectId: DEMO_PROJECT, name: 'sentry-dsn' },
    ]),
  );
  await palette(page).getByRole('button', { name: 'Clear recent secrets' }).click();
  await expect(palette(page).getByText('Recently opened')).toBeHidden();
  // What is left first: the stages of the secret shown.
  await expect(options(page).nth(0)).toContainText(/^Stage/);
  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(options(page).nth(0)).toContainText('Overview of every project');
  await expect(palette(page).getByText('Recently opened')).toBeHidden();
});

test('actions: copy the link, switch the language, the theme and the project', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${secretPath(DEMO_PROJECT)}?q=smtp`);
  await expect(page.getByRole('heading', { name: 'Secrets' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await box(page).fill('copy link');
  await expect(options(page).nth(0)).toContainText('Copy the link to this page');
  await box(page).press('Enter');
  await expect(page.getByTestId('live-region')).toHaveText('The link is copied.');
  await expectClipboard(page).toBe(page.url());

  await page.keyboard.press('Control+k');
  await box(page).fill('language');
  await box(page).press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: '前往凭据、页面或执行操作' }).fill('主题');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^主题：浅色/ })).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: '前往凭据、页面或执行操作' }).fill(DEMO_PROJECTS.staging.name);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(secretPath(DEMO_PROJECTS.staging.id));
});

test('"/" focuses the search box; "?" lists the shortcuts in effect, and gives focus back', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  const search = page.getByRole('textbox', { name: 'Secret name' });
  await expect(search).toBeVisible();
  await page.getByRole('heading', { name: 'Secrets' }).click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();

  const theme = page.getByRole('button', { name: /^Theme:/ });
  await theme.focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Open the command palette');
  await expect(help).toContainText('Focus the search box');
  await expect(help).toContainText('Show the keyboard shortcuts');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(theme).toBeFocused();

  // A page without a search box does not offer "/".
  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).not.toContainText('Focus the search box');
});

test('no shortcut while typing: "?" and "/" are text in a field', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  const search = page.getByRole('textbox', { name: 'Secret name' });
  await search.click();
  await page.keyboard.type('a/b?');
  await expect(search).toHaveValue('a/b?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The palette's key has a modifier: it works from a field.
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  // And while it is open, single keys are typing, not shortcuts.
  await page.keyboard.type('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
});

test('the palette is its own chunk: the first page load does not download it', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (req) => chunks.push(new URL(req.url()).pathname));
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByRole('heading', { name: 'Secrets' })).toBeVisible();
  expect(chunks.filter((p) => /command-palette|shortcuts-help/.test(p))).toEqual([]);
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeVisible();
  expect(chunks.some((p) => p.includes('command-palette'))).toBe(true);
});
