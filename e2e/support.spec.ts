// Answers for a ticket: Copy summary (plain text and Markdown, never a value), Copy error details,
// Copy link; "Use this secret" snippets with the page's values; the value panel shut inside a
// frame; the secret pages' keys.
import type { BrowserContext, Page } from '@playwright/test';
import type { ConsoleConfig } from '../src/shared/console-api.ts';
import { usageSnippet } from '../src/shared/usage-snippets.ts';
import { countRequests, expect, expectClipboard, secretPath, test } from './fixtures.ts';

const CANARY = 'SUPPORTCANARY-4e1d';
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const allowClipboard = (context: BrowserContext) => context.grantPermissions(['clipboard-read', 'clipboard-write']);

test.beforeEach(async ({ csms }) => {
  const created = await csms.createSecret({ name: 'svc-key', secret_string: `${CANARY}-1`, description: `${CANARY}-description` });
  expect(created.status).toBe(200);
  await csms.createTag(created.body.secret.id, { tag: { key: 'env', value: 'prod' } });
  await csms.createVersion('svc-key', { secret_string: `${CANARY}-2` });
});

test('Copy summary: the secret as plain text and as Markdown, never a value', async ({ page, projectId, context }) => {
  await allowClipboard(context);
  await page.goto(secretPath(projectId, 'svc-key'));
  await page.getByRole('button', { name: 'Copy summary' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  await expectClipboard(page).toContain('Secret: svc-key');
  const text = await clipboard(page);
  expect(text).toContain('State: ENABLED');
  expect(text).toContain('Stages: SYSCURRENT → v2, SYSPREVIOUS → v1');
  expect(text).toMatch(/ {2}v2 {2}created \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC {2}expires — {2}\[SYSCURRENT\]/);
  expect(text).toContain('Rotation: off');
  expect(text).toContain('Tags: env=prod');
  expect(text).toContain(page.url());
  expect(text).not.toContain(CANARY);

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expectClipboard(page).toContain('**Secret** `svc-key`');
  const markdown = await clipboard(page);
  expect(markdown).toContain('| `v2` |');
  expect(markdown).not.toContain(CANARY);

  // The stage and version pages say which part the summary is about.
  await page.goto(`${secretPath(projectId, 'svc-key')}/stages/SYSPREVIOUS`);
  await page.getByRole('button', { name: 'Copy summary' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  await expectClipboard(page).toContain('Page: Stage SYSPREVIOUS');
  await page.goto(`${secretPath(projectId, 'svc-key')}/versions/v1`);
  await page.getByRole('button', { name: 'Copy summary' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  await expectClipboard(page).toContain('Page: Version v1');
});

test('Copy error details and Copy link', async ({ page, projectId, context, emulator }) => {
  await allowClipboard(context);
  await emulator.addFault({
    path: `/v3/${projectId}/traces`,
    status: 403,
    body: { error_code: 'CTS.0003', error_msg: 'Policy does not allow cts:trace:list.' },
    // The stage history asks CTS once per stage-moving operation before Activity asks.
    count: 50,
  });
  await page.goto(secretPath(projectId, 'svc-key'));
  const panel = page.getByRole('alert').filter({ hasText: 'The activity could not be read from CTS' });
  await panel.getByRole('button', { name: 'Copy error details' }).click();
  await expectClipboard(page).toContain('Code: CTS.0003');
  const details = await clipboard(page);
  expect(details).toContain('Message: Policy does not allow cts:trace:list.');
  expect(details).toContain('HTTP: 403');
  expect(details).toMatch(/Request id: \S+/);
  expect(details).toMatch(/Time: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  expect(details).toContain(`Page: ${page.url()}`);

  await page.goto(`${secretPath(projectId, 'svc-key')}/compare?a=v1&b=v2`);
  await expect(page.getByText('Different values: A and B are not equal.')).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expectClipboard(page).toBe(page.url());
});

test('Use this secret: each snippet with the page filled in, as the builder (tested against the emulator) makes it', async ({
  page,
  projectId,
  context,
}) => {
  await allowClipboard(context);
  const config = (await (await page.request.get('/api/config', { headers: { 'X-Console-Request': '1' } })).json()) as ConsoleConfig;
  const region = config.projects.find((p) => p.id === projectId)?.region ?? 'cn-north-4';
  await page.goto(`${secretPath(projectId, 'svc-key')}/versions/v1`);
  await page.getByText('Use this secret').click();
  const snippet = page.getByTestId('usage-snippet');
  await expect(snippet).toHaveText(usageSnippet('node', { projectId, region, secretName: 'svc-key', version: 'v1' }));
  await page.getByRole('tab', { name: 'Python' }).click();
  await expect(snippet).toContainText('ShowSecretVersionRequest(secret_name="svc-key", version_id="v1")');
  await page.getByRole('tab', { name: 'KooCLI' }).click();
  await expect(snippet).toContainText(
    `hcloud CSMS ShowSecretVersion --cli-region=${region} --project_id=${projectId} --secret_name=svc-key --version_id=v1`,
  );
  await page.getByRole('button', { name: 'Copy the KooCLI snippet' }).click();
  await expectClipboard(page).toBe(usageSnippet('koocli', { projectId, region, secretName: 'svc-key', version: 'v1' }));

  // On a stage page, the stage is read as CSMS has it: its version first.
  await page.goto(`${secretPath(projectId, 'svc-key')}/stages/SYSCURRENT`);
  await page.getByText('Use this secret').click();
  await page.getByRole('tab', { name: 'Go' }).click();
  await expect(snippet).toHaveText(usageSnippet('go', { projectId, region, secretName: 'svc-key', stage: 'SYSCURRENT' }));
  expect(await page.content()).not.toContain(CANARY);

  // The snippets load when first opened, with their words in the page's language.
  const snippetChunks = countRequests(page, /usage-snippet-panel/);
  await page.goto(`${secretPath(projectId, 'svc-key')}/versions/v2?lang=zh-CN`);
  await expect(page.getByRole('heading', { name: '凭据值' })).toBeVisible();
  expect(snippetChunks.count).toBe(0);
  await page.getByText('使用此凭据').click();
  await expect(page.getByText('使用华为云 SDK 或 KooCLI 读取。')).toBeVisible();
  await expect(page.getByRole('tablist', { name: '语言' })).toBeVisible();
  expect(snippetChunks.count).toBeGreaterThan(0);
});

test('inside a frame the value panel is shut, and says why', async ({ page, projectId, baseURL }) => {
  // A browser that let the frame in (the console's frame-ancestors forbids it): the page's own
  // guard is what remains. The framing page is served at the console's address, so the framed
  // console keeps its storage as a tab would.
  await page.route(`${baseURL}/projects/**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    delete headers['x-frame-options'];
    await route.fulfill({ response, headers });
  });
  const framed = `${baseURL}${secretPath(projectId, 'svc-key')}/versions/v1`;
  await page.route(`${baseURL}/framing-page`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<iframe title="framed console" width="1000" height="800" src="${framed}"></iframe>` }),
  );
  await page.goto('/framing-page');
  const frame = page.frameLocator('iframe[title="framed console"]');
  await expect(frame.getByText('This page is shown inside another page')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Reveal value' })).toBeDisabled();
  await expect(frame.getByRole('button', { name: 'Copy value' })).toBeDisabled();
  await expect(frame.getByLabel('Value hidden')).toHaveCount(0);
});

test('keys: r never reveals (it refreshes on the overviews), h hides, c copies; s and v go to the stages and versions', async ({
  page,
  projectId,
  context,
}) => {
  await allowClipboard(context);
  await page.goto(`${secretPath(projectId, 'svc-key')}/versions/v2`);
  await expect(page.getByLabel('Value hidden')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByLabel('Value hidden')).toBeVisible();
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await expect(page.getByLabel('Secret value')).toHaveText(`${CANARY}-2`);
  await page.keyboard.press('h');
  await expect(page.getByLabel('Value hidden')).toBeVisible();
  await page.keyboard.press('c');
  await expectClipboard(page).toBe(`${CANARY}-2`);

  await page.keyboard.press('s');
  await expect(page).toHaveURL(new RegExp(`${secretPath(projectId, 'svc-key')}#stages-heading$`));
  await expect(page.getByRole('heading', { name: 'Stages', exact: true })).toBeFocused();
  await page.keyboard.press('v');
  await expect(page.getByRole('heading', { name: 'Versions', exact: true })).toBeFocused();
});
