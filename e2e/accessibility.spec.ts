// axe reports nothing on any page, masked and revealed, light and dark, wide and narrow.
import type { Locator, Page } from '@playwright/test';
import { DEMO_PROJECT, expect, expectNoAxeViolations, secretPath, test } from './fixtures.ts';

/** Each page, and what shows once it has loaded (checked before axe runs). */
const PAGES: [string, string, (page: Page) => Locator][] = [
  ['lookup', secretPath(DEMO_PROJECT), (page) => page.getByText('22 secrets', { exact: true })],
  ['secret detail', secretPath(DEMO_PROJECT, 'kafka-sasl-credentials'), (page) => page.getByRole('row', { name: /^v20 / })],
  ['pending deletion', secretPath(DEMO_PROJECT, 'legacy-ldap-bind'), (page) => page.getByRole('row', { name: /^v1 / })],
  ['stage', `${secretPath(DEMO_PROJECT, 'jwt-signing-key')}/stages/CANARY`, (page) => page.getByRole('heading', { name: 'Value' })],
  ['missing stage', `${secretPath(DEMO_PROJECT, 'jwt-signing-key')}/stages/NOPE`, (page) => page.getByRole('alert')],
  ['not found', secretPath(DEMO_PROJECT, 'missing'), (page) => page.getByRole('alert')],
  ['unknown page', '/nowhere', (page) => page.getByRole('heading', { name: 'Page not found' })],
  ['wrong address', `${secretPath(DEMO_PROJECT, 'prod-postgres-app')}/versions/3`, (page) => page.getByRole('alert')],
  ['sign-in', '/sign-in?reason=ended', (page) => page.getByRole('heading', { name: 'Sign in' })],
  ['project overview', `/projects/${DEMO_PROJECT}/overview`, (page) => page.getByRole('list', { name: 'Needs attention' })],
  ['overview of every project', '/overview', (page) => page.getByRole('list', { name: 'Needs attention' })],
  ['filtered list', `${secretPath(DEMO_PROJECT)}?rotation=failing&tag=env`, (page) => page.getByText('1 of 22 secrets match')],
];

const VALUES = [
  ['text', 'payments-psp-api-key'],
  ['JSON fields', 'prod-postgres-app'],
  ['binary', 'tls-keystore-gateway'],
] as const;

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const [name, url, loaded] of PAGES)
      test(`${name} page`, async ({ page }) => {
        await page.goto(url);
        await expect(loaded(page).first()).toBeVisible();
        await expectNoAxeViolations(page, name);
      });

    for (const [kind, secret] of VALUES)
      test(`version page, masked and revealed (${kind})`, async ({ page }) => {
        await page.goto(`${secretPath(DEMO_PROJECT, secret)}/versions/latest`);
        await expect(page.getByLabel('Value hidden')).toBeVisible();
        await expectNoAxeViolations(page, `${secret} masked`);
        await page.getByRole('button', { name: 'Reveal value' }).click();
        await expect(page.getByRole('button', { name: 'Hide value' })).toBeVisible();
        if (kind === 'JSON fields') await expect(page.getByRole('button', { name: 'Hide all' })).toBeVisible();
        else await expect(page.getByTestId('secret-value')).toBeVisible();
        await expectNoAxeViolations(page, `${secret} revealed`);
      });
  });
}

test.describe('narrow window', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  for (const [name, url, loaded] of PAGES)
    test(`${name} page fits 375 px and passes`, async ({ page }) => {
      await page.goto(url);
      await expect(loaded(page).first()).toBeVisible();
      await expectNoAxeViolations(page, `${name} at 375 px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    });
});

test('everything is reachable by keyboard', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT, 'grafana-admin')}/versions/v1`);
  await expect(page.getByLabel('Value hidden')).toBeVisible();
  const reached = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    reached.add(
      await page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.getAttribute('aria-label') || ''),
    );
  }
  for (const control of ['Skip to content', 'Reveal value', 'Copy value']) expect([...reached]).toContain(control);
  await page.getByRole('button', { name: 'Reveal value' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Hide value' })).toBeVisible();
});
