// 375 px and touch: tables stack instead of hiding columns behind a sideways scroll, badges and
// keys stay whole, and the keyboard hint stays off a touch screen.
import type { Locator } from '@playwright/test';
import { DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

/** How many lines an element's text takes. */
const lines = (locator: Locator) =>
  locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

/** Whether an element lies whole inside its table cell and the window. */
const whole = (locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const cell = el.closest('td, th')!.getBoundingClientRect();
    return box.left >= cell.left && box.right <= cell.right && box.right <= window.innerWidth;
  });

test.describe('375 px', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the versions table stacks: every version shows its stages, nothing scrolls sideways', async ({ page }) => {
    await page.goto(secretPath(DEMO_PROJECT, 'kafka-sasl-credentials'));
    const row = page.getByRole('row', { name: /^v19 / });
    for (const stage of ['SYSPREVIOUS', 'GREEN']) {
      const chip = row.getByRole('link', { name: stage });
      await chip.scrollIntoViewIfNeeded();
      expect(await whole(chip), stage).toBe(true);
    }
    // Nothing in the page scrolls sideways (screen-reader-only text is clipped to 1 px on purpose).
    const sideways = await page.evaluate(
      () =>
        [...document.querySelectorAll('main *')].filter(
          (e) => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible',
        ).length,
    );
    expect(sideways).toBe(0);
  });

  test('the list shows "Pending deletion" whole, under the name', async ({ page }) => {
    await page.goto(secretPath(DEMO_PROJECT));
    const badge = page
      .getByRole('row', { name: /legacy-ldap-bind/ })
      .getByText('Pending deletion')
      .filter({ visible: true });
    await badge.scrollIntoViewIfNeeded();
    expect(await whole(badge)).toBe(true);
  });

  test('the Fields table keeps each key on one line, never broken inside a word', async ({ page }) => {
    await page.goto(`${secretPath(DEMO_PROJECT, 'oauth-client-mobile')}/versions/v1`);
    await page.getByRole('button', { name: 'Reveal value' }).click();
    await expect(page.getByRole('button', { name: 'Hide all' })).toBeVisible();
    for (const key of ['client_id', 'client_secret', 'redirect_uri'])
      expect(await lines(page.getByRole('rowheader', { name: key })), key).toBe(1);
  });
});

test.describe('touch screen', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('no "/" keyboard hint', async ({ page }) => {
    await page.goto(secretPath(DEMO_PROJECT));
    await expect(page.getByLabel('Secret name')).toBeVisible();
    await expect(page.getByTestId('slash-hint')).toBeHidden();
    await expect(page.getByLabel('Secret name')).toHaveAttribute('placeholder', 'Type to filter, Enter to open');
  });
});

test('with a mouse, the "/" hint shows', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByTestId('slash-hint')).toBeVisible();
});

test('Fields table: Copy does not move when Hide becomes Reveal; the buttons sit on the text line', async ({ page, projectId, csms }) => {
  await csms.createSecret({ name: 'db', secret_string: '{"username":"app","password":"p@ss"}' });
  await page.goto(`${secretPath(projectId, 'db')}/versions/v1`);
  await page.getByRole('button', { name: 'Reveal value' }).click();
  // A masked field keeps the value column at the mask's width: only the button can move Copy.
  await page.getByRole('button', { name: 'Hide username' }).click();
  const copy = page.getByRole('button', { name: 'Copy password' });
  const before = (await copy.boundingBox())!;
  await page.getByRole('button', { name: 'Hide password' }).click();
  await expect(page.getByRole('button', { name: 'Reveal password' })).toBeVisible();
  expect((await copy.boundingBox())!.x).toBe(before.x);
  // The middle of the key's line box: its cell's top, padding, half a line.
  const keyLine = await page.getByRole('rowheader', { name: 'password' }).evaluate((el) => {
    const style = getComputedStyle(el);
    return el.getBoundingClientRect().top + parseFloat(style.paddingTop) + parseFloat(style.lineHeight) / 2;
  });
  expect(Math.abs(keyLine - (before.y + before.height / 2))).toBeLessThanOrEqual(2);
});
