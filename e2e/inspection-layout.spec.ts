// The secrets list at the widths people use, in both languages: at 1440 px each tag shows whole
// (or is counted, "+2"), each "Updated" time shows whole on one line, nothing empty sits under the
// search box; at 375 px every filter choice fits its select; at 1200 px a KMS key id is on one line.
import type { Locator, Page } from '@playwright/test';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { expect, secretPath, test } from './fixtures.ts';

const PRODUCTION = DEMO_PROJECTS.production;
const LANGUAGES = [
  { lang: 'en', tags: 'Tags', updated: 'Updated', search: 'Secret name', filters: 'Filters', all: 'Any rotation' },
  { lang: 'zh-CN', tags: '标签', updated: '更新时间', search: '凭据名称', filters: '筛选', all: '不限轮转' },
] as const;

/** The index of a column among the table's visible columns. */
async function columnIndex(page: Page, name: string) {
  const names = await page.getByRole('columnheader').allInnerTexts();
  const index = names.findIndex((n) => n.replace(/[▲▼]/g, '').trim() === name);
  expect(index, `the ${name} column`).toBeGreaterThanOrEqual(0);
  return index;
}

/** Per cell of a column: the tag chips (text with "=") fully in view, cut, or out of view, and the cell's text and title. */
function tagCells(page: Page, index: number) {
  return page.locator('tbody tr[aria-rowindex]').evaluateAll((rows, i) => {
    /** The part of the cell an element can be seen in: every box between it and the cell that clips. */
    const clipOf = (el: Element, cell: Element) => {
      let box = cell.getBoundingClientRect();
      let left = box.left,
        right = box.right,
        top = box.top,
        bottom = box.bottom;
      for (let up = el.parentElement; up && up !== cell; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        box = up.getBoundingClientRect();
        [left, right, top, bottom] = [
          Math.max(left, box.left),
          Math.min(right, box.right),
          Math.max(top, box.top),
          Math.min(bottom, box.bottom),
        ];
      }
      return { left, right, top, bottom };
    };
    return rows.map((row) => {
      const cell = row.children[i]!;
      const chips = [...cell.querySelectorAll('*')].filter((el) => el.children.length === 0 && el.textContent!.includes('='));
      const seen = chips.map((chip) => {
        const r = chip.getBoundingClientRect();
        const c = clipOf(chip, cell);
        const inView = r.right > c.left && r.left < c.right && r.bottom > c.top && r.top < c.bottom;
        const whole = r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5;
        const ellipsis = chip.scrollWidth > chip.clientWidth;
        return { text: chip.textContent!, state: !inView ? 'hidden' : whole && !ellipsis ? 'whole' : 'cut' };
      });
      return {
        seen,
        text: (cell as HTMLElement).innerText,
        title: cell.querySelector('[title]')?.getAttribute('title') ?? cell.getAttribute('title'),
      };
    });
  }, index);
}

/** Whether an element's text is drawn whole: not clipped by it or its cell, and on one line. */
const wholeOnOneLine = (cell: Locator) =>
  cell.evaluate((td) => {
    const time = td.querySelector('time');
    const lines = time ? new Set([...time.getClientRects()].map((r) => Math.round(r.top))).size : 0;
    return { fits: td.scrollWidth <= td.clientWidth, lines };
  });

for (const words of LANGUAGES)
  test(`${words.lang}, 1440 px: every tag shows whole or is counted, and every "Updated" time whole on one line`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${secretPath(PRODUCTION.id)}?lang=${words.lang}`);
    await expect(page.getByText('env=production').first()).toBeVisible();
    const cells = await tagCells(page, await columnIndex(page, words.tags));
    expect(cells.length).toBeGreaterThan(10);
    for (const { seen, text, title } of cells) {
      expect(
        seen.filter((chip) => chip.state === 'cut'),
        `no tag is cut in: ${title}`,
      ).toEqual([]);
      const hidden = seen.filter((chip) => chip.state === 'hidden').length;
      if (hidden > 0) expect(text, `the tags out of view are counted: ${title}`).toContain(`+${hidden}`);
      if (seen.length > 0) expect(title, 'the whole list on hover').toBe(seen.map((chip) => chip.text).join(', '));
    }
    // The demo's tags are many: some rows must show more than one chip, or the column is too narrow to matter.
    expect(cells.some(({ seen }) => seen.filter((chip) => chip.state === 'whole').length >= 2)).toBe(true);

    const updated = page.locator('tbody tr[aria-rowindex]').locator(`td:nth-child(${(await columnIndex(page, words.updated)) + 1})`);
    const count = await updated.count();
    for (let i = 0; i < count; i++) expect(await wholeOnOneLine(updated.nth(i)), `Updated, row ${i + 1}`).toEqual({ fits: true, lines: 1 });

    const input = await page.getByLabel(words.search).boundingBox();
    const filters = await page.getByRole('group', { name: words.filters }).boundingBox();
    expect(filters!.y - (input!.y + input!.height), 'the gap between the search box and the filters').toBeLessThan(24);
  });

/** Each option of a select whose text, drawn in the select's font, is wider than the select leaves for it. */
const optionsTooWide = (select: Locator) =>
  select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    // The room for the text: the select less its padding and the drop-down arrow (about 20 px in Chromium).
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return [...el.options].map((o) => o.text).filter((text) => context.measureText(text).width > room);
  });

for (const words of LANGUAGES)
  test(`${words.lang}, 375 px: every filter choice fits its select, "Last rotation failed" included`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${secretPath(PRODUCTION.id)}?lang=${words.lang}`);
    const filters = page.getByRole('group', { name: words.filters });
    const rotation = filters.getByRole('combobox').filter({ has: page.getByRole('option', { name: words.all }) });
    // The rotation counts are known once the sweep has read the last rotation tasks.
    await expect(rotation.getByRole('option').last()).toHaveText(/\(\d+\)$/);
    const selects = filters.getByRole('combobox');
    const count = await selects.count();
    expect(count).toBe(5);
    for (let i = 0; i < count; i++) expect(await optionsTooWide(selects.nth(i)), `select ${i + 1}`).toEqual([]);
    // The tag values of each tag key, in the select that appears when a key is chosen.
    const keys = (await selects.nth(2).getByRole('option').allInnerTexts()).slice(1);
    for (const key of keys) {
      await selects.nth(2).selectOption({ label: key });
      await expect(selects).toHaveCount(6);
      expect(await optionsTooWide(selects.nth(3)), `the values of ${key}`).toEqual([]);
    }
    // Chosen, the rotation filter shows its whole choice.
    await rotation.selectOption({ index: 4 });
    expect(await optionsTooWide(rotation)).toEqual([]);
  });

test('1200 px: a KMS key id shows on one line, on the secret page and the version page', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  for (const path of [secretPath(PRODUCTION.id, 'jwt-signing-key'), `${secretPath(PRODUCTION.id, 'jwt-signing-key')}/versions/v1`]) {
    await page.goto(path);
    const field = page.locator('[data-kms-key]');
    const keyId = await field.getAttribute('data-kms-key');
    const id = field.getByText(keyId!, { exact: true });
    await expect(id).toBeVisible();
    const lineHeight = await id.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await id.boundingBox())!.height, path).toBeLessThan(lineHeight * 1.5);
  }
});
