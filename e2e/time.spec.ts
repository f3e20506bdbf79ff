// Times: every one with its zone (GMT+08:00 as Huawei Cloud's console writes it), in the page's
// language whatever the browser's, and local or UTC as the person chooses.
import { expect, secretPath, test } from './fixtures.ts';

test.use({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

// This person chose English: the page would otherwise follow the browser into Chinese.
test.beforeEach(({ page }) => page.addInitScript(() => localStorage.setItem('csms-console:lang', 'en')));

const CJK = /[\u3000-\u9fff]/;

test('a Chinese browser in Shanghai, English chosen: times in English with GMT+08:00, switchable to UTC and kept', async ({
  page,
  projectId,
  csms,
}) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  await page.goto(secretPath(projectId, 'db'));
  const created = page.getByRole('row', { name: /^v1 / }).locator('time');
  await expect(created).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d GMT\+08:00$/);
  const title = (await created.getAttribute('title'))!;
  expect(title).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · (now|\d+ seconds? ago|\d+ minutes? ago)$/);
  const local = (await created.textContent())!;
  expect(`${local}${title}`).not.toMatch(CJK);

  await page.getByRole('button', { name: 'Times: GMT+08:00. Show them in UTC' }).click();
  await expect(created).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d UTC$/);
  const hour = (text: string) => Number(/(\d\d):\d\d (GMT|UTC)/.exec(text)![1]);
  expect((hour(local) - hour((await created.textContent())!) + 24) % 24).toBe(8);
  await expect(created).toHaveAttribute('title', /GMT\+08:00 · /);

  // A display preference, not in the URL; it survives a reload.
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(created).toHaveText(/ UTC$/);
  await page.getByRole('button', { name: 'Times: UTC. Show them in local time (GMT+08:00)' }).click();
  await expect(created).toHaveText(/ GMT\+08:00$/);
});

test('the list and the counts are in the page language too', async ({ page, projectId, csms }) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  // The page in English in a Chinese browser: its counts in English too.
  await page.goto(`${secretPath(projectId)}?lang=en`);
  await expect(page.getByText('1 secret', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /db/ }).locator('time')).toHaveText(/ GMT\+08:00$/);
});
