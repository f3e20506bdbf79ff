// The list's filters (with their counts, kept in the address), its tags and flags, the columns
// chosen, the keyboard, and the export of what is shown: metadata, tags and flags, never a value,
// and no cell a spreadsheet would run as a formula.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { countRequests, DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

const names = (page: Page) => page.getByRole('table').getByRole('link');
const chosenOption = (page: Page, label: string) => page.getByLabel(label).locator('option:checked');

async function download(page: Page, format: 'CSV' | 'JSON'): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('group', { name: /^Export the/ })
      .getByRole('button', { name: format })
      .click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('filters combine with the search, count each choice, and stay in the address', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByText('22 secrets', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Tag key').getByRole('option', { name: 'team (19)' })).toBeAttached();
  await page.getByLabel('Tag key').selectOption('team');
  await expect(page).toHaveURL(/\?tag=team$/);
  await page.getByLabel('Tag value').selectOption('platform');
  await expect(chosenOption(page, 'Tag value')).toHaveText('platform (5)');
  await expect(page.getByText('5 of 22 secrets match')).toBeVisible();
  await expect(names(page)).toHaveText([
    'ci-npm-token',
    'github-deploy-token',
    'kafka-sasl-credentials',
    'smtp-relay',
    'tls-keystore-gateway',
  ]);
  // The other filters count within these five.
  await expect(page.getByLabel('State').getByRole('option', { name: 'Enabled (5)' })).toBeAttached();
  await expect(page.getByLabel('Rotation').getByRole('option', { name: 'Off (5)' })).toBeAttached();

  await page.getByLabel('Secret name').fill('kafka');
  await expect(page.getByText('1 of 22 secrets match')).toBeVisible();
  await expect(page).toHaveURL(/\?tag=team&tag_value=platform&q=kafka$/);
  await expect(chosenOption(page, 'Tag value')).toHaveText('platform (1)');
  await page.reload();
  await expect(page.getByLabel('Secret name')).toHaveValue('kafka');
  await expect(chosenOption(page, 'Tag key')).toHaveText('team (1)');
  await expect(names(page)).toHaveText(['kafka-sasl-credentials']);

  // Esc (away from the search box) clears the search and every filter.
  await page.getByRole('heading', { name: 'Secrets', level: 1 }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('22 secrets', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(secretPath(DEMO_PROJECT));
  await expect(page.getByLabel('Secret name')).toHaveValue('');
});

test('the search matches tag values; the tags show in their column', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await page.getByLabel('Secret name').fill('event-bus');
  await expect(names(page)).toHaveText(['kafka-sasl-credentials']);
  await expect(
    page
      .getByRole('row', { name: /kafka-sasl-credentials/ })
      .getByRole('cell')
      .nth(3)
      .getByRole('listitem'),
  ).toHaveText(['app=event-bus', 'env=production', 'team=platform']);
});

test('rotation and expiry filters, and the flags of each row', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByRole('row', { name: /prod-mysql-orders/ })).toContainText('Rotation overdue');
  await expect(page.getByRole('row', { name: /legacy-ldap-bind/ })).toContainText('Deleted in 5 days');
  await page.getByLabel('Rotation').selectOption('on');
  await expect(names(page)).toHaveText(['gaussdb-reporting', 'obs-backup-access-key', 'prod-mysql-orders']);
  await expect(page.getByRole('row', { name: /gaussdb-reporting/ })).toContainText('Rotation in 3 days');
  // A failed rotation needs the rotation tasks: the overview's sweep is read for it.
  await page.getByLabel('Rotation').selectOption('failing');
  await expect(chosenOption(page, 'Rotation')).toHaveText('Last rotation failed (1)');
  await expect(names(page)).toHaveText(['obs-backup-access-key']);
  await expect(page.getByRole('row', { name: /obs-backup-access-key/ })).toContainText('Rotation failed');
  await expect(page.getByText(/^Expiry and rotation as of \d\d:\d\d:\d\d/)).toBeVisible();
  // The sweep is read once for the page, not again as the search changes.
  const sweeps = countRequests(page, /^\/api\/overview\//);
  await page.getByLabel('Secret name').pressSequentially('backup');
  await expect(page).toHaveURL(/q=backup/);
  await expect(names(page)).toHaveText(['obs-backup-access-key']);
  expect(sweeps.count).toBe(0);

  await page.goto(`${secretPath(DEMO_PROJECT)}?expiry=7d`);
  await expect(names(page)).toHaveText(['smtp-relay']);
  await expect(page.getByRole('row', { name: /smtp-relay/ })).toContainText('SYSCURRENT expires in 5 days');
  await expect(page.getByLabel('Version expiry').getByRole('option', { name: 'Expired (1)' })).toBeAttached();
  await page.getByLabel('Version expiry').selectOption('expired');
  await expect(names(page)).toHaveText(['ci-npm-token']);
});

test('the columns chosen are kept in this browser, as a preference only', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  const header = page.getByRole('row').first();
  await expect(header.getByRole('columnheader')).toHaveText(['Name▲', 'State', 'Attention', 'Tags', 'Updated', 'Description']);
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Tags' }).uncheck();
  await page.getByRole('checkbox', { name: 'Type' }).check();
  await expect(header.getByRole('columnheader')).toHaveText(['Name▲', 'State', 'Attention', 'Type', 'Updated', 'Description']);
  await page.reload();
  await expect(header.getByRole('columnheader')).toHaveText(['Name▲', 'State', 'Attention', 'Type', 'Updated', 'Description']);
  expect(await page.evaluate(() => localStorage.getItem('csms-console:list-columns'))).toBe('["tags"]');
});

test('j/k and the arrows move through the rows, Enter opens one', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT)}?tag=team&tag_value=platform`);
  await expect(names(page)).toHaveCount(5);
  await page.getByRole('heading', { name: 'Secrets', level: 1 }).click();
  await page.keyboard.press('j');
  await expect(names(page).nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect(names(page).nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(names(page).nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'github-deploy-token', level: 1 })).toBeVisible();
});

test('exports the rows shown as CSV and JSON: metadata, tags, flags, the project and the time, never a value', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT)}?tag=team&tag_value=platform`);
  await expect(names(page)).toHaveCount(5);
  // The sweep's flags are in once it has run (the export says so meanwhile).
  await expect(page.getByTestId('sweep-running')).toHaveCount(0);
  const csv = await download(page, 'CSV');
  expect(csv.name).toMatch(/^secrets-cn-north-4_production-\d{8}T\d{6}Z\.csv$/);
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines).toHaveLength(6);
  expect(lines[0]).toMatch(/^project_id,project_name,region,as_of,name,state,type,description,tags,flags,/);
  const smtp = lines.find((l) => l.includes('"smtp-relay"'))!;
  expect(smtp).toContain(`"${DEMO_PROJECT}","cn-north-4_production","cn-north-4","`);
  expect(smtp).toContain('"app=notifications; env=production; team=platform"');
  // No value of the secret: its metadata only.
  expect(csv.text).not.toMatch(/smtp\.mail\.example\.com|password/);

  const json = JSON.parse((await download(page, 'JSON')).text) as {
    project: unknown;
    as_of: string;
    secrets: { name: string; tags: unknown[]; flags: { kind: string }[] }[];
  };
  expect(json.project).toMatchObject(DEMO_PROJECTS.production);
  expect(Date.parse(json.as_of)).toBeGreaterThan(Date.now() - 600_000);
  expect(json.secrets.map((s) => s.name)).toEqual([
    'ci-npm-token',
    'github-deploy-token',
    'kafka-sasl-credentials',
    'smtp-relay',
    'tls-keystore-gateway',
  ]);
  // From the shared sweep, without a click.
  expect(json.secrets.find((s) => s.name === 'kafka-sasl-credentials')!.flags.map((f) => f.kind)).toEqual(['versions-near-limit']);
  expect(JSON.stringify(json)).not.toMatch(/secret_string|secret_binary|password/);
});

test('an exported CSV cell never starts a formula', async ({ page, projectId, csms }) => {
  const hostile = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB'];
  for (const [i, description] of hostile.entries()) {
    const created = await csms.createSecret({ name: `s${i}`, secret_string: 'x', description });
    await csms.createTag(created.body.secret.id, { tag: { key: 'note', value: `=1+${i}` } });
  }
  await page.goto(secretPath(projectId));
  await expect(names(page)).toHaveCount(5);
  const { text } = await download(page, 'CSV');
  const cells = text
    .split('\r\n')
    .slice(1, -1)
    .map((line) => line.match(/"(?:[^"]|"")*"/g)!);
  for (const [i, row] of cells.entries()) {
    expect(row[7]).toBe(`"'${hostile[i]!.replace(/"/g, '""')}"`);
    expect(row[8]).toBe(`"note==1+${i}"`);
  }
});
