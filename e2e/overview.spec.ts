// The operations overview: a project's (demo data: a failed rotation, an overdue one, expiries,
// a pending deletion, notifications) and every project's by region; the sweep's progress, the
// time it is as of, Refresh and the 60-second refresh while visible; framed by a dashboard.
import { createServer } from 'node:http';
import { DASHBOARD_PORT } from '../playwright.config.ts';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { countRequests, DEMO_PROJECT, expect, test } from './fixtures.ts';

const overviewPath = (projectId: string) => `/projects/${projectId}/overview`;
const tile = (page: import('@playwright/test').Page, label: string) =>
  page.getByRole('list', { name: 'Counts' }).getByRole('listitem').filter({ hasText: label });
const AS_OF = /^Data as of \d\d:\d\d:\d\d (GMT[+-]\d\d:\d\d|UTC)$/;

test('a project: counts, the most urgent first, each linking to the page that shows it', async ({ page }) => {
  await page.goto(overviewPath(DEMO_PROJECT));
  await expect(page.getByRole('heading', { name: `Overview of ${DEMO_PROJECTS.production.name}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('as-of')).toHaveText(AS_OF);
  await expect(tile(page, 'Secrets')).toHaveText('22Secrets');
  await expect(tile(page, 'Pending deletion')).toHaveText('1Pending deletion');
  await expect(tile(page, 'Rotation failed')).toHaveText('1Rotation failed');
  await expect(tile(page, 'Rotation overdue')).toHaveText('1Rotation overdue');
  await expect(tile(page, 'Expire within 7 days')).toHaveText('1Expire within 7 days');

  const items = page.getByRole('list', { name: 'Needs attention' }).getByRole('listitem');
  await expect(items).toHaveCount(10);
  await expect(items.nth(0)).toContainText('Criticalobs-backup-access-keyRotation failed', { ignoreCase: true });
  await expect(items.nth(0)).toContainText('The last rotation failed 3 hours ago, after 3 attempts.');
  await expect(items.nth(0)).toContainText('FSS.0409 Function obs-ak-rotation returned an error');
  const heads = items.locator('> div:first-child');
  await expect(heads.first()).toBeVisible();
  expect((await heads.allTextContents()).slice(0, 7)).toEqual([
    'Criticalobs-backup-access-keyRotation failed',
    'Highprod-mysql-ordersRotation overdue',
    'Highci-npm-tokenSYSPREVIOUS expired',
    'Highlegacy-ldap-bindDeleted in 5 days',
    'Highsmtp-relaySYSCURRENT expires in 5 days',
    'Mediumpartner-sftp-keyFrozen',
    'Lowgaussdb-reportingRotation in 3 days',
  ]);
  await expect(items.filter({ hasText: 'observability-api-key' })).toContainText('19 of 20 versions');

  // A version's item links to the version and its stages; every item to its secret.
  await items.filter({ hasText: 'ci-npm-token' }).getByRole('link', { name: 'v2' }).click();
  await expect(page.getByRole('heading', { name: 'ci-npm-token version v2' })).toBeVisible();
  await page.goBack();
  await items.filter({ hasText: 'smtp-relay' }).getByRole('link', { name: 'SYSCURRENT' }).click();
  await expect(page).toHaveURL(`/projects/${DEMO_PROJECT}/secrets/smtp-relay/stages/SYSCURRENT`);
  await page.goBack();
  await items.filter({ hasText: 'prod-mysql-orders' }).getByRole('link', { name: 'prod-mysql-orders' }).click();
  await expect(page.getByRole('heading', { name: 'prod-mysql-orders', level: 1 })).toBeVisible();
  await page.goBack();

  // A count leads to the list filtered so.
  await tile(page, 'Rotation failed').getByRole('link').click();
  await expect(page).toHaveURL(`/projects/${DEMO_PROJECT}/secrets?rotation=failing`);
  await expect(page.getByText('1 of 22 secrets match')).toBeVisible();
  await expect(page.getByRole('table').getByRole('link')).toHaveText(['obs-backup-access-key']);
});

test('a project: recent notifications and the events subscribed', async ({ page }) => {
  await page.goto(overviewPath(DEMO_PROJECT));
  const notifications = page.getByRole('region', { name: 'Recent notifications' });
  // The last 7 days only: the expiry notice of 10 days ago is not among them.
  await expect(notifications.getByRole('row')).toHaveCount(5);
  await expect(notifications.getByRole('row').nth(1)).toContainText(
    'obs-backup-access-keySECRET_ROTATED_FAILEDsecret-rotation-alertsDelivered SUCCESS',
  );
  await expect(notifications.getByRole('row', { name: /Not delivered FAIL$/ })).toContainText('smtp-relay');
  const events = page.getByRole('region', { name: 'Subscribed events' });
  await expect(events.getByRole('listitem')).toHaveCount(3);
  await expect(events.getByRole('listitem').filter({ hasText: 'secret-rotation-alerts' })).toContainText(
    'Enabled ENABLEDSECRET_ROTATEDSECRET_ROTATED_FAILEDto SMN csms-rotation-oncall',
  );
});

test('简体中文: the statuses of notifications and events in words, the API code beside', async ({ page }) => {
  await page.goto(`${overviewPath(DEMO_PROJECT)}?lang=zh-CN`);
  const notifications = page.getByRole('region', { name: '最近的通知' });
  await expect(notifications.getByRole('row').nth(1)).toContainText('已送达 SUCCESS');
  await expect(notifications.getByRole('row', { name: /发送失败 FAIL$/ })).toContainText('smtp-relay');
  const events = page.getByRole('region', { name: '订阅的事件' });
  await expect(events.getByRole('listitem').filter({ hasText: 'secret-rotation-alerts' })).toContainText('已启用 ENABLED');
});

test('every project, with its region, each leading to its own overview', async ({ page }) => {
  await page.goto('/overview');
  await expect(page.getByRole('list', { name: 'Totals across projects' })).toBeVisible();
  // The production project and the region's own project, cn-north-4.
  await expect(page.getByRole('article', { name: /Region cn-north-4$/ })).toHaveCount(2);
  const production = page.getByRole('article', { name: DEMO_PROJECTS.production.name });
  const staging = page.getByRole('article', { name: DEMO_PROJECTS.staging.name });
  await expect(production.getByRole('list', { name: 'Counts' }).getByRole('listitem').first()).toHaveText('22Secrets');
  await expect(staging.getByRole('list', { name: 'Counts' }).getByRole('listitem').first()).toHaveText('12Secrets');
  // The five most urgent of a project, and how many more its own page has.
  await expect(production.getByRole('list', { name: 'Needs attention' }).getByRole('listitem')).toHaveCount(5);
  await expect(staging.getByRole('list', { name: 'Needs attention' })).toContainText('staging-old-token');
  await expect(page.getByTestId('as-of')).toHaveText(AS_OF);
  await production.getByRole('link', { name: "5 more on the project's overview" }).click();
  await expect(page).toHaveURL(overviewPath(DEMO_PROJECT));
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Every project' }).click();
  await expect(page).toHaveURL('/overview');
});

test('the lookup page leads to the overview', async ({ page }) => {
  await page.goto(`/projects/${DEMO_PROJECT}/secrets`);
  await page.getByRole('link', { name: 'Overview of this project' }).click();
  await expect(page).toHaveURL(overviewPath(DEMO_PROJECT));
  await page.getByRole('link', { name: 'All secrets of this project' }).click();
  await expect(page.getByRole('heading', { name: 'Secrets', level: 1 })).toBeVisible();
});

test('a large project: the progress of the sweep, then the whole', async ({ page, projectId, csms, emulator }) => {
  const names = Array.from({ length: 24 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
  await Promise.all(names.map((name) => csms.createSecret({ name, secret_string: 'x' })));
  // Each version listing of this project answers slowly: 8 at a time, three rounds.
  await emulator.addFault({ path: `^/v1/${projectId}/secrets/`, count: names.length, delay_ms: 700 });
  await page.goto(overviewPath(projectId));
  await expect(page.getByRole('status').filter({ hasText: /^Checked \d+ of 24 secrets$/ })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Versions checked' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Checked/ })).toHaveCount(0, { timeout: 10_000 });
  await expect(tile(page, 'Secrets')).toHaveText('24Secrets');
  await expect(tile(page, 'Expire within 7 days')).toHaveText('0Expire within 7 days');
  await expect(page.getByText('Nothing needs attention.')).toBeVisible();
});

test('Refresh sweeps again, and the time it is as of follows', async ({ page, projectId, csms }) => {
  await csms.createSecret({ name: 'first', secret_string: 'x' });
  await page.goto(overviewPath(projectId));
  await expect(tile(page, 'Secrets')).toHaveText('1Secrets');
  const before = await page.getByTestId('as-of').textContent();
  await csms.createSecret({ name: 'second', secret_string: 'x' });
  const fresh = countRequests(page, new RegExp(`^/api/overview/${projectId}$`));
  const freshUrls = () => fresh.urls.filter((u) => u.endsWith('?fresh=1')).length;
  // The server sweeps again for a person at most every 10 s: Refresh until it has.
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(tile(page, 'Secrets')).toHaveText('2Secrets', { timeout: 1000 });
  }).toPass({ intervals: [1000, 2000], timeout: 20_000 });
  expect(freshUrls()).toBeGreaterThan(0);
  await expect(page.getByTestId('as-of')).not.toHaveText(before!);
  // The same with the r key.
  const clicks = freshUrls();
  await page.keyboard.press('r');
  await expect.poll(freshUrls).toBe(clicks + 1);
});

test('refreshes every 60 s while the tab is visible, not while it is hidden', async ({ page, projectId, csms }) => {
  await csms.createSecret({ name: 'only', secret_string: 'x' });
  await page.clock.install();
  const path = `/api/overview/${projectId}`;
  const reads = countRequests(page, new RegExp(`^${path}$`));
  /** The next read of the overview, answered (a read still on the wire would hold back the next). */
  const nextRead = () => page.waitForResponse((res) => new URL(res.url()).pathname === path);
  await page.goto(overviewPath(projectId));
  await expect(tile(page, 'Secrets')).toHaveText('1Secrets');
  // The sweep is whole: no more polling every second.
  await expect(page.getByRole('status').filter({ hasText: /^Checked/ })).toHaveCount(0);
  const first = reads.count;
  const refreshed = nextRead();
  await page.clock.fastForward('01:01');
  await refreshed;
  expect(reads.count).toBe(first + 1);

  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { value, configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, state);
  await setVisibility('hidden');
  await page.clock.fastForward('03:00');
  // A read started by the timers would already be on the wire by this round trip.
  await page.evaluate(() => document.title);
  expect(reads.count).toBe(first + 1);
  // Shown again, and its data old: read at once (the page's timers run on the installed clock).
  const shown = nextRead();
  await setVisibility('visible');
  await page.clock.runFor(1000);
  await shown;
  expect(reads.count).toBe(first + 2);
});

test('a dashboard of another origin frames the overview (CONSOLE_FRAME_ANCESTORS)', async ({ page, baseURL }) => {
  // A real server on the loopback (Chromium lets only a local page frame a local one).
  const wall = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(
      `<!doctype html><title>Wall</title><iframe title="Secret health" src="${baseURL}${overviewPath(DEMO_PROJECT)}" width="1200" height="900"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => wall.listen(DASHBOARD_PORT, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${DASHBOARD_PORT}/`);
    const framed = page.frameLocator('iframe[title="Secret health"]');
    await expect(framed.getByRole('heading', { name: `Overview of ${DEMO_PROJECTS.production.name}` })).toBeVisible();
    await expect(framed.getByRole('list', { name: 'Needs attention' }).getByRole('listitem').first()).toContainText(
      'obs-backup-access-key',
    );
    await expect(framed.getByTestId('as-of')).toHaveText(AS_OF);
  } finally {
    wall.close();
  }
});

test('switching project on an overview opens the overview of the other project', async ({ page }) => {
  await page.goto(overviewPath(DEMO_PROJECT));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO_PROJECTS.production.name);
  await page.getByLabel('Project').selectOption({ label: `${DEMO_PROJECTS.staging.name} · ${DEMO_PROJECTS.staging.region}` });
  await expect(page).toHaveURL(new RegExp(`${overviewPath(DEMO_PROJECTS.staging.id)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO_PROJECTS.staging.name);
});
