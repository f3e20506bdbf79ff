// One round trip behind a cold deep link: every API request a core page makes to show what it shows
// starts at navigation, beside the others, not after an answer nor after a chunk loaded on demand.
// Held without timing: every API answer and every script the first HTML does not name (but the
// language catalogs) are held back; the page must then have asked for all of its reads. After they
// are let go, the page shows everything it shows without asking for anything new.
import type { Page, Request, Route } from '@playwright/test';
import { STAGE_OPERATIONS } from '../src/shared/trace-change.ts';
import { expect, secretPath, test } from './fixtures.ts';

/** What a request asks for, whatever its times (CTS windows end "now"). */
function readOf(request: Request) {
  const url = new URL(request.url());
  const query = [...url.searchParams].filter(([name]) => name === 'trace_name').map(([name, value]) => `?${name}=${value}`);
  return `${request.method()} ${url.pathname}${query.join('')}`;
}

/** Holds the page's API answers and its on-demand scripts until `release`; records what it asked. */
async function holdAtNavigation(page: Page) {
  const html = await (await page.request.get('/')).text();
  const firstScripts = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  const catalog = /\/assets\/(en|zh-CN)-[\w-]+\.js$/;
  const held: Route[] = [];
  const asked: string[] = [];
  let holding = true;
  await page.route(
    (url) =>
      url.pathname.startsWith('/api/') || (url.pathname.endsWith('.js') && !firstScripts.has(url.pathname) && !catalog.test(url.pathname)),
    async (route) => {
      if (route.request().url().includes('/api/')) asked.push(readOf(route.request()));
      if (holding) held.push(route);
      else await route.continue();
    },
  );
  return {
    asked,
    /** The distinct reads asked for so far. */
    reads: () => [...new Set(asked)].sort(),
    release: async () => {
      holding = false;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

const api = (projectId: string) => ({
  config: 'GET /api/config',
  list: `GET /api/v1/${projectId}/secrets`,
  tags: `POST /api/v1/${projectId}/csms/resource_instances/action`,
  overview: `GET /api/overview/${projectId}`,
  secretPage: (name: string) => `GET /api/secret-page/${projectId}/${name}`,
  versions: (name: string) => `GET /api/v1/${projectId}/secrets/${name}/versions`,
  stage: (name: string, stage: string) => `GET /api/v1/${projectId}/secrets/${name}/stages/${stage}`,
  tasks: `GET /api/v1/${projectId}/csms/tasks`,
  traces: (operation?: string) => `GET /api/v3/${projectId}/traces${operation ? `?trace_name=${operation}` : ''}`,
});

test.beforeEach(async ({ csms }) => {
  await csms.createSecret({ name: 'db', secret_string: 'x' });
});

test('the lookup asks for the list, its tags and its overview at once', async ({ page, projectId }) => {
  const reads = api(projectId);
  const hold = await holdAtNavigation(page);
  await page.goto(secretPath(projectId), { waitUntil: 'commit' });
  const first = [reads.config, reads.list, reads.tags, reads.overview].sort();
  await expect.poll(hold.reads).toEqual(first);
  await hold.release();
  await expect(page.getByRole('link', { name: 'db', exact: true })).toBeVisible();
  await expect(page.getByText('Expiry and rotation as of')).toBeVisible();
  expect(hold.reads()).toEqual(first);
});

test('the secret page asks for the secret with its key and value reads, its versions, tasks and CTS at once', async ({
  page,
  projectId,
}) => {
  const reads = api(projectId);
  const hold = await holdAtNavigation(page);
  await page.goto(secretPath(projectId, 'db'), { waitUntil: 'commit' });
  const first = [
    reads.config,
    reads.secretPage('db'),
    reads.versions('db'),
    reads.tasks,
    reads.traces(),
    ...STAGE_OPERATIONS.map((operation) => reads.traces(operation)),
  ].sort();
  await expect.poll(hold.reads).toEqual(first);
  await hold.release();
  await expect(page.getByRole('heading', { name: 'db', level: 1 })).toBeVisible();
  await expect(page.locator('[data-kms-key]')).not.toContainText('Reading the key');
  await expect(page.getByTestId('value-reads')).toContainText('No value was read in that time.');
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  expect(hold.reads()).toEqual(first);
});

test('the stage page asks for the secret with its key, its versions, tasks and the stage at once', async ({ page, projectId }) => {
  const reads = api(projectId);
  const hold = await holdAtNavigation(page);
  await page.goto(`${secretPath(projectId, 'db')}/stages/SYSCURRENT`, { waitUntil: 'commit' });
  const first = [reads.config, reads.secretPage('db'), reads.versions('db'), reads.tasks, reads.stage('db', 'SYSCURRENT')].sort();
  await expect.poll(hold.reads).toEqual(first);
  await hold.release();
  await expect(page.locator('[data-kms-key]')).not.toContainText('Reading the key');
  expect(hold.reads()).toEqual(first);
});

test('the version page asks for the secret with its key and value reads, its versions and tasks at once', async ({ page, projectId }) => {
  const reads = api(projectId);
  const hold = await holdAtNavigation(page);
  await page.goto(`${secretPath(projectId, 'db')}/versions/latest`, { waitUntil: 'commit' });
  const first = [reads.config, reads.secretPage('db'), reads.versions('db'), reads.tasks].sort();
  await expect.poll(hold.reads).toEqual(first);
  await hold.release();
  await expect(page.locator('[data-kms-key]')).not.toContainText('Reading the key');
  await expect(page.getByTestId('value-reads')).toContainText('No value of this version was read in that time.');
  expect(hold.reads()).toEqual(first);
});
