// axe reports nothing on any page, masked and revealed, light and dark, wide and narrow.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([]);
}

const PAGES = [
  ['lookup', secretPath(DEMO_PROJECT)],
  ['secret detail', secretPath(DEMO_PROJECT, 'kafka-sasl-credentials')],
  ['pending deletion', secretPath(DEMO_PROJECT, 'legacy-ldap-bind')],
  ['stage', `${secretPath(DEMO_PROJECT, 'jwt-signing-key')}/stages/CANARY`],
  ['missing stage', `${secretPath(DEMO_PROJECT, 'jwt-signing-key')}/stages/NOPE`],
  ['not found', secretPath(DEMO_PROJECT, 'missing')],
  ['unknown page', '/nowhere'],
  ['sign-in', '/sign-in?reason=ended'],
] as const;

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const [name, url] of PAGES)
      test(`${name} page`, async ({ page }) => {
        await page.goto(url);
        await page.waitForLoadState('networkidle');
        await expectNoViolations(page, name);
      });

    test('version page, masked and revealed (text, JSON fields, binary)', async ({ page }) => {
      for (const [secret, view] of [
        ['payments-psp-api-key', null],
        ['prod-postgres-app', 'Fields'],
        ['tls-keystore-gateway', null],
      ] as const) {
        await page.goto(`${secretPath(DEMO_PROJECT, secret)}/versions/latest`);
        await expectNoViolations(page, `${secret} masked`);
        await page.getByRole('button', { name: 'Reveal value' }).click();
        await expect(page.getByRole('button', { name: 'Hide value' })).toBeVisible();
        if (view) await page.getByRole('button', { name: view }).click();
        await expectNoViolations(page, `${secret} revealed`);
      }
    });
  });
}

test.describe('narrow window', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  test('every page fits and passes', async ({ page }) => {
    for (const [name, url] of PAGES) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await expectNoViolations(page, `${name} at 375 px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

test('everything is reachable by keyboard', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT, 'grafana-admin')}/versions/v1`);
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
