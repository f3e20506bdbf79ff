// What an operations team reads: the list's flags and Export without a click (and said to be
// partial while the sweep runs), a KMS key that cannot decrypt flagged everywhere and explained on
// a reveal, the last overview kept while CSMS is down, the expiry tiles against the list, the wall
// display and its pages, and every project by urgency.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { ProjectOverview } from '../src/shared/console-api.ts';
import { projectHealth } from '../src/shared/project-health.ts';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { emulatorAdmin } from '../src/emulator/testing/admin-client.ts';
import { DEMO_PROJECT, EMULATOR_URL, expect, test } from './fixtures.ts';

const DAY = 86400_000;
const admin = emulatorAdmin(EMULATOR_URL);
const listPath = (projectId: string) => `/projects/${projectId}/secrets`;
const overviewPath = (projectId: string) => `/projects/${projectId}/overview`;
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

async function exportJson(page: Page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('group', { name: /^Export the/ })
      .getByRole('button', { name: 'JSON' })
      .click(),
  ]);
  return JSON.parse(await readFile((await file.path())!, 'utf8')) as {
    checked: Record<string, boolean>;
    secrets: { name: string; flags: { kind: string }[] }[];
  };
}

test('the list shows and exports the sweep flags without a click, and says when they are not checked yet', async ({
  page,
  csms,
  projectId,
  emulator,
}) => {
  await csms.createSecret({ name: 'failing', secret_string: 'x' });
  await admin.addTask(projectId, { secret_name: 'failing', task_status: 'FAILED', attempt_nums: 2 });
  await csms.createSecret({ name: 'expiring', secret_string: 'x' });
  await csms.createVersion('expiring', { secret_string: 'y', expire_time: Date.now() + 5 * DAY });
  // A version that expired yesterday, now SYSPREVIOUS behind a newer one.
  await csms.createSecret({ name: 'rotated', secret_string: 'x' });
  await csms.createVersion('rotated', { secret_string: 'y', expire_time: Date.now() - DAY });
  await csms.createVersion('rotated', { secret_string: 'z' });
  // CSMS keeps 20 versions of a secret: at 20 the next rotation drops the oldest.
  await csms.createSecret({ name: 'full', secret_string: 'v1' });
  for (let n = 2; n <= 20; n++) await csms.createVersion('full', { secret_string: `v${n}` });
  // The sweep's version reads are slow at first: the list says they are not checked, and Export too.
  await emulator.addFault({ path: `/v1/${projectId}/secrets/failing/versions`, method: 'GET', count: 1, delay_ms: 2000 });

  await page.goto(listPath(projectId));
  await expect(page.getByTestId('sweep-running')).toContainText('Checking expiry, rotation tasks and KMS keys');
  const partial = await exportJson(page);
  expect(partial.checked.versions).toBe(false);

  await expect(row(page, 'failing')).toContainText('Rotation failed');
  await expect(row(page, 'expiring')).toContainText(/SYSCURRENT expires in \d days/, { timeout: 15_000 });
  await expect(row(page, 'rotated')).toContainText('SYSPREVIOUS expired');
  await expect(row(page, 'full')).toContainText('20 of 20 versions');
  await expect(page.getByTestId('sweep-running')).toHaveCount(0);
  const full = await exportJson(page);
  expect(full.checked).toEqual({ versions: true, tasks: true, keys: true });
  expect(full.secrets.find((s) => s.name === 'failing')!.flags.map((f) => f.kind)).toEqual(['rotation-failed']);
  expect(full.secrets.find((s) => s.name === 'expiring')!.flags.map((f) => f.kind)).toEqual(['version-expiring']);
  expect(full.secrets.find((s) => s.name === 'rotated')!.flags.map((f) => f.kind)).toEqual(['version-expired']);
  expect(full.secrets.find((s) => s.name === 'full')!.flags.map((f) => f.kind)).toEqual(['versions-near-limit']);
});

test('a disabled KMS key: flagged on the list and the overview, shown on the secret, and the reveal says why', async ({
  page,
  csms,
  projectId,
}) => {
  const keyId = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
  await admin.setKey(projectId, keyId, 'team/payments', '3');
  await csms.createSecret({ name: 'locked', secret_string: 'LOCKED-CANARY', kms_key_id: keyId });
  await csms.createSecret({ name: 'open', secret_string: 'x' });

  await page.goto(listPath(projectId));
  await expect(row(page, 'locked')).toContainText('Key disabled');
  await expect(row(page, 'open')).not.toContainText('Key');

  await page.goto(overviewPath(projectId));
  const items = page.getByRole('list', { name: 'Needs attention' }).getByRole('listitem');
  await expect(items.first()).toContainText('Its KMS key team/payments is disabled: no value can be read.');
  await expect(page.locator('[data-tile="key-not-enabled"]')).toHaveText('1KMS key not enabled');

  await page.goto(`/projects/${projectId}/secrets/locked`);
  await expect(page.locator(`[data-kms-key="${keyId}"]`)).toContainText('team/payments');
  await expect(page.locator(`[data-kms-key="${keyId}"]`)).toContainText('Disabled');
  await page.goto(`/projects/${projectId}/secrets/locked/versions/v1`);
  await expect(page.locator(`[data-kms-key="${keyId}"]`)).toContainText('Disabled');
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await expect(page.locator('[data-stop="key-state"]')).toContainText(
    "Stopped by the KMS key: it is disabled, so no value of this secret can be read. Ask the key's administrator to enable it in KMS.",
  );
  await expect(page.getByText('LOCKED-CANARY')).toHaveCount(0);
});

test('the overview keeps its last data, marked stale, while CSMS is unreachable, and recovers by itself', async ({
  page,
  csms,
  projectId,
  emulator,
}) => {
  test.setTimeout(120_000);
  await csms.createSecret({ name: 'db', secret_string: 'x' });
  await page.goto(overviewPath(projectId));
  const secrets = page.locator('[data-tile="total"]');
  await expect(secrets).toHaveText('1Secrets');
  const asOf = (await page.getByTestId('as-of').textContent())!;

  // CSMS answers nothing until the fault is removed: every sweep that meets it fails.
  const fault = await emulator.addFault({ path: `^/v1/${projectId}/secrets$`, method: 'GET', count: 10_000, status: 503 });
  // A fresh sweep is made no sooner than 10 s after the last: Refresh until one meets the fault.
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('stale')).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 40_000 });
  await expect(page.getByTestId('stale')).toHaveText(/^CSMS unreachable since \d\d:\d\d:\d\d .+, showing \d\d:\d\d:\d\d .+\./);
  // The data shown is the last a sweep got: the first page's, or a later one's if a sweep had
  // listed the secrets before the fault came; never newer than the failure.
  const [, since, showing] = /since (\d\d:\d\d:\d\d) .+, showing (\d\d:\d\d:\d\d)/.exec((await page.getByTestId('stale').textContent())!)!;
  const first = /\d\d:\d\d:\d\d/.exec(asOf)![0];
  expect(showing! >= first && showing! <= since!, `showing ${showing}, first ${first}, unreachable since ${since}`).toBe(true);
  await expect(secrets).toHaveText('1Secrets');

  // CSMS answers again. No click: the page tries again by itself and drops the notice.
  await emulator.removeFault(fault.id);
  await expect(page.getByTestId('stale')).toHaveCount(0, { timeout: 60_000 });
  await expect(secrets).toHaveText('1Secrets');
});

test('the expiry tiles count each secret once, in its most urgent bucket, and each opens the list of exactly those', async ({
  page,
  csms,
  projectId,
}) => {
  await csms.createSecret({ name: 'expired-current', secret_string: 'x' });
  await csms.createVersion('expired-current', { secret_string: 'y', expire_time: Date.now() - DAY });
  // Its SYSPREVIOUS expired and its SYSCURRENT expires in 5 days: counted once, as expired.
  await csms.createSecret({ name: 'expired-previous', secret_string: 'x' });
  await csms.createVersion('expired-previous', { secret_string: 'y', expire_time: Date.now() - DAY });
  await csms.createVersion('expired-previous', { secret_string: 'z', expire_time: Date.now() + 5 * DAY });
  await csms.createSecret({ name: 'soon', secret_string: 'x' });
  await csms.createVersion('soon', { secret_string: 'y', expire_time: Date.now() + 5 * DAY });
  await csms.createSecret({ name: 'later', secret_string: 'x' });
  await csms.createVersion('later', { secret_string: 'y', expire_time: Date.now() + 20 * DAY });
  await csms.createSecret({ name: 'fine', secret_string: 'x' });

  const buckets = [
    { tile: 'expired', label: 'Expired', names: ['expired-current', 'expired-previous'] },
    { tile: 'expiring7', label: 'Expire within 7 days', names: ['soon'] },
    { tile: 'expiring30', label: 'Expire in 8 to 30 days', names: ['later'] },
  ];
  for (const { tile, label, names } of buckets) {
    await page.goto(overviewPath(projectId));
    await expect(page.locator(`[data-tile="${tile}"]`)).toHaveText(`${names.length}${label}`);
    await page.locator(`[data-tile="${tile}"]`).getByRole('link').click();
    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    await expect(rows).toHaveCount(names.length);
    for (const name of names) await expect(row(page, name)).toBeVisible();
  }
});

test('the wall display turns the page of its attention list every 10 s when more than fits need attention', async ({
  page,
  csms,
  projectId,
}) => {
  await page.clock.install();
  const names = Array.from({ length: 7 }, (_, i) => `failing-${i + 1}`);
  for (const name of names) {
    await csms.createSecret({ name, secret_string: 'x' });
    await admin.addTask(projectId, { secret_name: name, task_status: 'FAILED' });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${overviewPath(projectId)}?display=wall`);
  const items = page.getByRole('list', { name: 'Needs attention' }).getByRole('listitem');
  await expect(page.getByText('Page 1 of 2, turning every 10 s')).toBeVisible();
  await expect(items).toHaveCount(6);
  const firstPage = await items.allTextContents();

  await page.clock.fastForward(10_000);
  await expect(page.getByText('Page 2 of 2, turning every 10 s')).toBeVisible();
  await expect(items).toHaveCount(1);
  const secondPage = await items.allTextContents();
  // Between them, every secret that needs attention, each once.
  expect([...firstPage, ...secondPage].map((text) => names.find((n) => text.startsWith(`${n}Rotation failed`))).sort()).toEqual(
    [...names].sort(),
  );

  await page.clock.fastForward(10_000);
  await expect(page.getByText('Page 1 of 2, turning every 10 s')).toBeVisible();
  expect(await items.allTextContents()).toEqual(firstPage);
});

test('the wall display at 1920×1080: no header controls, large type, the critical count in the title', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${overviewPath(DEMO_PROJECT)}?display=wall`);
  await expect(page.getByRole('list', { name: 'Needs attention' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.locator('header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Refresh' })).toHaveCount(0);
  const critical = (await page.getByTestId('critical').textContent())!;
  expect(critical).toMatch(/^\d+ critical$/);
  await expect(page).toHaveTitle(new RegExp(`^${critical} · Overview`));
  const px = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await px('[data-tile="total"] span')).toBeGreaterThanOrEqual(28);
  expect(await px('ol[aria-label="Needs attention"] li span')).toBeGreaterThanOrEqual(28);
  // Everything shown fits the screen: no scrolling on a wall.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
  // Beside the test report, not over docs/screenshot-wall.png: a test run changes no tracked file.
  await page.screenshot({ path: '.test-results/screenshot-wall.png' });
});

test('every project, most urgent first, under totals across projects', async ({ page }) => {
  await page.goto('/overview');
  const read = (id: string) => page.request.get(`/api/overview/${id}`, { headers: { 'x-console-request': '1' } });
  const articles = page.getByRole('article');
  await expect(articles).toHaveCount(Object.keys(DEMO_PROJECTS).length);
  const overviews = await Promise.all(
    Object.values(DEMO_PROJECTS).map(async (p) => {
      await expect.poll(async () => ((await (await read(p.id)).json()) as ProjectOverview).complete).toBe(true);
      return { id: p.id, overview: (await (await read(p.id)).json()) as ProjectOverview };
    }),
  );
  const critical = (o: ProjectOverview) => projectHealth(o, Date.now()).attention.filter((a) => a.flag.severity === 'critical').length;
  const expected = [...overviews].sort((a, b) => critical(b.overview) - critical(a.overview)).map((o) => o.id);
  expect(critical(overviews.find((o) => o.id === expected[0])!.overview)).toBeGreaterThan(
    critical(overviews.find((o) => o.id === expected[1])!.overview),
  );
  await expect(articles.nth(0)).toHaveAttribute('data-project', expected[0]!);
  await expect(articles.nth(1)).toHaveAttribute('data-project', expected[1]!);
  const total = overviews.reduce((n, o) => n + critical(o.overview), 0);
  await expect(page.locator('[data-total="critical"]')).toHaveText(`${total}Critical`);
});

test('at 375 px the attention list comes before the tiles', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(overviewPath(DEMO_PROJECT));
  const attention = page.locator('[data-section="attention"]');
  await expect(attention.getByRole('listitem').first()).toBeVisible();
  const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
  expect(await top('[data-section="attention"]')).toBeLessThan(await top('[data-section="tiles"]'));
});
