// 简体中文: the switcher turns the page Chinese in place (no reload) and keeps the choice; ?lang=
// opens a link in a language; <html lang> follows. On the frame and the pages of the frame
// (sign-in, not found, a wrong address, a project refused, an error, the retry banner) and on every
// page of a project (the list, the overviews, a secret, a stage, a version, a compare) no English
// word is left but names, ids and CSMS's own messages. Screenshots in Chinese (wide, 375 px,
// dark) go to the test's artifacts.
import type { Page, TestInfo } from '@playwright/test';
import { E2E_IAM_PORT } from '../playwright.config.ts';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { DEMO_IAM, DEMO_PROJECTS, demoSeed } from '../src/emulator/demo-seed.ts';
import { englishLeft } from './english-left.ts';
import { DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

/** Names the frame shows: the demo projects and their regions. */
const PROJECT_NAMES = Object.values(DEMO_PROJECTS).flatMap((p) => [p.name, p.region]);
/** What people wrote into the demo data (names, descriptions, tags, CSMS's error messages): shown as written. */
const DEMO_TEXT = [...new Set(stringsOf(demoSeed()))];
/** Who read a value, as the audit names them: with the server's key, its access key (a value read
 * by another test may already be on a version's page). */
const READERS = [`ak:${EMULATOR_DEFAULTS.accessKey}`];

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  // A tag's key is data too (`{ env: 'production' }`).
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => [...(key === 'tags' && inner ? Object.keys(inner) : []), ...stringsOf(inner)]);
  return [];
}

const zh = (url: string) => `${url}${url.includes('?') ? '&' : '?'}lang=zh-CN`;

/** The page as it is, wide, at 375 px and dark, into the test's artifacts. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  const wide = page.viewportSize()!;
  for (const [shot, size, scheme] of [
    ['wide', wide, 'light'],
    ['375', { width: 375, height: 740 }, 'light'],
    ['dark', wide, 'dark'],
  ] as const) {
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: scheme });
    const path = testInfo.outputPath(`zh-CN-${name}-${shot}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`zh-CN ${name} ${shot}`, { path, contentType: 'image/png' });
  }
  await page.setViewportSize(wide);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the switcher turns the page Chinese in place, keeps the choice, and <html lang> follows', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT, 'kafka-sasl-credentials'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('navigation', { name: '导航路径' })).toContainText('凭据');
  await expect(page).toHaveTitle(/凭据管理控制台$/);
  expect(await page.evaluate(() => 'sameDocument' in window), 'no reload').toBe(true);
  expect(await englishLeft(page, { within: 'header', allow: PROJECT_NAMES })).toEqual([]);
  expect(await englishLeft(page, { within: 'nav', allow: ['kafka-sasl-credentials'] })).toEqual([]);

  // Kept: the next visit opens in Chinese.
  await page.reload();
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Secrets');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('a Chinese browser, nothing chosen', () => {
  test.use({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

  test('opens the console in Chinese, its times written as Chinese dates with GMT+08:00', async ({ page, projectId, csms }) => {
    await csms.createSecret({ name: 'db', secret_string: 'x' });
    await page.goto(secretPath(projectId, 'db'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const created = page.getByRole('row', { name: /^v1 / }).locator('time');
    await expect(created).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d GMT\+08:00$/);
    await expect(created).toHaveAttribute('title', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · (现在|\d+秒钟前|\d+分钟前)$/);
  });
});

test('?lang=zh-CN opens a link in Chinese without changing the stored choice', async ({ page }) => {
  await page.goto(zh('/nowhere'));
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('choosing a language drops ?lang= from the address, so the choice holds on reload', async ({ page }) => {
  await page.goto(zh('/nowhere'));
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page).not.toHaveURL(/lang=/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test.describe('in Chinese, nothing English is left', () => {
  test('the sign-in page, and its checks', async ({ page }, testInfo) => {
    await page.goto(zh('/sign-in?reason=ended'));
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('请输入账号名。')).toBeVisible();
    await page.getByLabel('我的用户使用虚拟 MFA 设备登录').check();
    await page.getByLabel('MFA 验证码').fill('12');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('请输入 MFA 应用当前显示的 6 位验证码。')).toBeVisible();
    // A range of characters, not a word.
    expect(await englishLeft(page, { allow: ['a-f'] })).toEqual([]);
    await screenshots(page, testInfo, 'sign-in');
    await page.getByRole('radio', { name: 'IAM Token' }).check();
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('请粘贴 Token。')).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);
  });

  test('the frame of a page: header, breadcrumbs, palette button, title', async ({ page }, testInfo) => {
    await page.goto(zh(`${secretPath(DEMO_PROJECT, 'jwt-signing-key')}/stages/CANARY`));
    await expect(page.getByRole('navigation', { name: '导航路径' })).toContainText('版本状态 CANARY');
    expect(await englishLeft(page, { within: 'header', allow: PROJECT_NAMES })).toEqual([]);
    expect(await englishLeft(page, { within: 'nav', allow: ['jwt-signing-key', 'CANARY'] })).toEqual([]);
    await expect(page).toHaveTitle(/— 凭据管理控制台$/);
    await screenshots(page, testInfo, 'frame');
  });

  test('a page that does not exist', async ({ page }, testInfo) => {
    await page.goto(zh('/nowhere'));
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);
    await screenshots(page, testInfo, 'not-found');
  });

  test('a wrong address: the version, the secret name, the project id', async ({ page }, testInfo) => {
    await page.goto(zh(`${secretPath(DEMO_PROJECT, 'prod-postgres-app')}/versions/3`));
    await expect(page.getByRole('alert')).toContainText('“3”不是凭据版本ID');
    await expect(page.getByRole('link', { name: 'v3' })).toBeVisible();
    // `latest` is a version id, as v1 and v2 are.
    expect(await englishLeft(page, { allow: [...PROJECT_NAMES, 'latest'] })).toEqual([]);
    await screenshots(page, testInfo, 'wrong-address');

    await page.goto(zh(secretPath(DEMO_PROJECT, 'bad.name')));
    await expect(page.getByRole('alert')).toContainText('凭据名称只能包含字母、数字、“_”和“-”。');
    expect(await englishLeft(page, { allow: [...PROJECT_NAMES, 'bad.name'] })).toEqual([]);

    await page.goto(zh(secretPath('not-a-project')));
    await expect(page.getByRole('alert')).toContainText('不是项目ID');
    // The project switcher shows the id cut short.
    expect(await englishLeft(page, { allow: [...PROJECT_NAMES, 'not-a-project', 'not-a-pr'] })).toEqual([]);
  });

  test('a project this IAM user cannot use', async ({ page }, testInfo) => {
    const iam = `http://127.0.0.1:${E2E_IAM_PORT}`;
    const auditor = DEMO_IAM.users.find((u) => u.name === 'auditor')!;
    await page.goto(`${iam}${zh('/sign-in')}`);
    await page.getByLabel('账号名').fill(DEMO_IAM.domain);
    await page.getByLabel('IAM 用户名', { exact: true }).fill(auditor.name);
    await page.getByLabel('密码', { exact: true }).fill(auditor.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    await page.goto(`${iam}${zh(secretPath(DEMO_PROJECTS.staging.id))}`);
    await expect(page.getByRole('heading', { name: '您无法使用此项目' })).toBeVisible();
    expect(await englishLeft(page, { allow: [...PROJECT_NAMES, auditor.name, DEMO_IAM.domain] })).toEqual([]);
    await screenshots(page, testInfo, 'project-refused');
  });

  test('a secret CSMS does not have: the frame around its error', async ({ page }, testInfo) => {
    await page.goto(zh(secretPath(DEMO_PROJECT, 'JWT-signing-key')));
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByText('您要找的是 jwt-signing-key 吗？')).toBeVisible();
    // CSMS's own message stays as CSMS sent it.
    const message =
      (await page
        .getByText(/does not exist|not found/i)
        .first()
        .textContent()) ?? '';
    expect(await englishLeft(page, { allow: [...PROJECT_NAMES, 'JWT-signing-key', message] })).toEqual([]);
    await expect(page.getByRole('link', { name: '返回凭据列表' })).toBeVisible();
    await screenshots(page, testInfo, 'error');
  });

  test('the command palette and the list of shortcuts', async ({ page }, testInfo) => {
    await page.goto(zh(secretPath(DEMO_PROJECT, 'jwt-signing-key')));
    await expect(page.getByRole('navigation', { name: '导航路径' })).toBeVisible();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: '命令面板' });
    await expect(palette.getByRole('option').first()).toBeVisible();
    await expect(palette.getByText(/正在列出/)).toBeHidden();
    // Stage names, version ids and the secret's name are names; so are project names.
    const names = ['jwt-signing-key', 'SYSCURRENT', 'SYSPREVIOUS', 'CANARY', 'ROLLBACK', ...PROJECT_NAMES];
    expect(await englishLeft(page, { within: 'dialog', allow: names })).toEqual([]);
    await screenshots(page, testInfo, 'palette');
    await palette.getByRole('combobox').fill('smtp');
    await expect(palette.getByRole('option').first()).toContainText('smtp-relay');
    expect(await englishLeft(page, { within: 'dialog', allow: [...names, 'smtp-relay', 'staging-smtp'] })).toEqual([]);
    await page.keyboard.press('Escape');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: '键盘快捷键' });
    await expect(help).toContainText('打开命令面板');
    expect(await englishLeft(page, { within: 'dialog' })).toEqual([]);
    await screenshots(page, testInfo, 'shortcuts');
  });

  test('the retry banner while CSMS is busy', async ({ page, projectId, csms, emulator }) => {
    await csms.createSecret({ name: 'db', secret_string: 'x' });
    const path = `/v1/${projectId}/secrets/db$`;
    await emulator.addFault({
      path,
      count: 1,
      status: 429,
      headers: { 'Retry-After': '3' },
      body: { error_code: 'APIGW.0308', error_msg: 'Throttled.' },
    });
    await page.goto(zh(secretPath(projectId, 'db')));
    const banner = page.getByRole('status', { name: '正在重试' });
    await expect(banner).toContainText(/正在加载凭据：凭据管理服务繁忙，\d 秒后重试/);
    await expect(banner.getByRole('button', { name: '取消' })).toBeVisible();
    expect(await englishLeft(page, { within: '[role="status"][aria-label="正在重试"]' })).toEqual([]);
  });
});

test.describe('every page of a project in Chinese', () => {
  const secret = 'prod-mysql-orders';
  const pages = {
    lookup: `/projects/${DEMO_PROJECT}/secrets`,
    overview: `/projects/${DEMO_PROJECT}/overview`,
    'every project': '/overview',
    'secret detail': secretPath(DEMO_PROJECT, secret),
    stage: `${secretPath(DEMO_PROJECT, secret)}/stages/SYSCURRENT`,
    version: `${secretPath(DEMO_PROJECT, secret)}/versions/v1`,
    compare: `${secretPath(DEMO_PROJECT, secret)}/compare?a=v1&b=SYSCURRENT`,
  };
  for (const [name, path] of Object.entries(pages))
    test(`${name}: no English word left but names and what people wrote`, async ({ page }, testInfo) => {
      await page.goto(zh(path));
      await expect(page.locator('main h1').first()).toBeVisible();
      // Everything the page reads in is drawn: no skeleton, no "checked n of m" left.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
      expect(await englishLeft(page, { allow: [...PROJECT_NAMES, ...DEMO_TEXT, ...READERS] })).toEqual([]);
      await screenshots(page, testInfo, name.replace(' ', '-'));
    });
});
