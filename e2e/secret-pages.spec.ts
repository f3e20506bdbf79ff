import type { Locator } from '@playwright/test';
import { countRequests, DEMO_PROJECT, expect, expectClipboard, secretPath, test } from './fixtures.ts';

/** The value of one field of a metadata list. */
const field = (scope: Locator, label: string) =>
  scope
    .locator('div')
    .filter({ has: scope.page().getByRole('term').getByText(label, { exact: true }) })
    .getByRole('definition');

test('secret detail: metadata in groups and in words, an overdue rotation flagged', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT, 'prod-mysql-orders'));
  await expect(page.getByRole('heading', { name: 'prod-mysql-orders', level: 1 })).toBeVisible();
  await expect(page.getByRole('main').locator('header').getByText('Rotation overdue')).toBeVisible();
  const rotation = page.getByRole('region', { name: 'Rotation' });
  await expect(field(rotation, 'Automatic rotation')).toHaveText('Every 30 days');
  await expect(field(rotation, 'Next rotation')).toContainText('Overdue by 65 days');
  expect(await field(rotation, 'Rotation config').textContent()).toContain('{\n  "instance_id": "6d1c4b2a8f0e4c3d9b7a5e1f2c3d4e5fin01",\n');
  await expect(field(rotation, 'Rotation function')).toHaveText(/^urn:fss:cn-north-4:.+:function:default:csms-rds-rotation:latest$/);
  expect(await field(rotation, 'Rotation function').locator('wbr').count()).toBe(7);
  await expect(field(page.getByRole('region', { name: 'Identity' }), 'Type')).toHaveText('RDS-FG');
  await expect(field(page.getByRole('region', { name: 'Identity' }), 'Event subscriptions')).toHaveText('secret-rotation-alerts');
  await expect(field(page.getByRole('region', { name: 'Encryption' }), 'KMS key')).not.toBeEmpty();
  // The demo's rotation is consistent: no version is newer than the last rotation.
  await expect(page.getByRole('row', { name: /^v\d+ / })).toHaveCount(1);
  expect(await page.getByRole('row', { name: /^v1 / }).getByRole('cell').first().textContent()).toBe(
    await field(rotation, 'Last rotation').textContent(),
  );
  // Empty fields fold away, named when opened.
  await expect(page.getByRole('region', { name: 'Deletion' })).toHaveCount(0);
  await page.getByText('Deletion: 1 empty field').click();
  await expect(page.getByText('Scheduled deletion: not set.')).toBeVisible();
});

test('an overdue rotation is flagged in the list too', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByRole('row', { name: /prod-mysql-orders/ })).toContainText('Rotation overdue');
  await expect(page.getByRole('row', { name: /gaussdb-reporting/ })).not.toContainText('Rotation overdue');
});

test('secret detail: the stage map and the versions of a rotated secret', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT, 'prod-postgres-app'));
  const stages = page.getByRole('list', { name: 'Stage map' });
  await expect(stages.getByRole('listitem')).toHaveText(['SYSCURRENT→points atv3', 'SYSPREVIOUS→points atv2']);
  await expect(page.getByRole('row', { name: /^v1 / })).toContainText('No stage');
  await expect(page.getByText(/deprecated/)).toHaveCount(0);
});

test('secret detail: expired versions and custom stages link to their pages', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT, 'ci-npm-token'));
  await expect(page.getByRole('row', { name: /^v2 / })).toContainText('expired');
  await expect(page.getByRole('row', { name: /^v3 / })).not.toContainText('expired');
  await page.goto(secretPath(DEMO_PROJECT, 'jwt-signing-key'));
  await page.getByRole('list', { name: 'Stage map' }).getByRole('link', { name: 'CANARY' }).click();
  await expect(page).toHaveURL(`${secretPath(DEMO_PROJECT, 'jwt-signing-key')}/stages/CANARY`);
  await page.goBack();
  await page.getByRole('row', { name: /^v2 / }).getByRole('link', { name: 'v2' }).click();
  await expect(page.getByRole('heading', { name: 'jwt-signing-key version v2' })).toBeVisible();
});

test('secret detail: each state is explained', async ({ page, projectId, csms, emulator }) => {
  for (const name of ['off', 'going', 'cold']) await csms.createSecret({ name, secret_string: 'x' });
  const deletion = Date.now() + 3 * 86400_000 + 3600_000;
  await emulator.setState(projectId, 'off', 'DISABLED');
  await emulator.setState(projectId, 'going', 'PENDING_DELETE', deletion);
  await emulator.setState(projectId, 'cold', 'FROZEN');
  await page.goto(secretPath(projectId, 'off'));
  await expect(page.getByText('No value can be read until it is enabled again.')).toBeVisible();
  await page.goto(secretPath(projectId, 'going'));
  await expect(page.getByText('Pending deletion', { exact: true })).toBeVisible();
  await expect(page.getByText(/^To be deleted on .+ \(in 3d (0|1)h\)\.$/)).toBeVisible();
  await expect(page.getByText(/Until then no value can be read, and the secret can be restored\.$/)).toBeVisible();
  await page.goto(secretPath(projectId, 'cold'));
  await expect(page.getByText(/^No value can be read until it is unfrozen/)).toBeVisible();
});

test('the stage page of a secret pending deletion: the date once, a true stage map, nothing to reveal', async ({
  page,
  projectId,
  csms,
  emulator,
}) => {
  await csms.createSecret({ name: 'going', secret_string: 'x' });
  await emulator.setState(projectId, 'going', 'PENDING_DELETE', Date.now() + 5 * 86400_000);
  await page.goto(`${secretPath(projectId, 'going')}/stages/SYSCURRENT`);
  await expect(page.getByText(/^No value can be read: the secret is to be deleted on .+\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reveal value' })).toBeDisabled();
  await expect(page.getByText('No other stage points at a version.')).toBeVisible();
  await expect(page.getByText('No stage points at any version.')).toHaveCount(0);
  await expect(page.getByText(/until then|cannot be read|Each reveal/i)).toHaveCount(0);
  await expect(page.getByLabel('Value hidden')).toHaveCount(0);
});

test('secret detail: copies the name', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(secretPath(DEMO_PROJECT, 'grafana-admin'));
  await page.getByRole('button', { name: 'Copy secret name' }).click();
  await expectClipboard(page).toBe('grafana-admin');
});

test('stage inspection: where it points (said once), since when, the other stages, the reveal panel', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT, 'kafka-sasl-credentials')}/stages/GREEN`);
  await expect(page.getByRole('heading', { name: 'kafka-sasl-credentials stage GREEN' })).toBeVisible();
  await expect(page.getByText(/^GREEN points at v19, since .+ GMT[+-]\d\d:\d\d\.$/)).toBeVisible();
  // v19 is named there only: not in a heading, nor again in the version's fields.
  await expect(page.getByRole('heading', { name: 'That version' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /v19/ })).toHaveCount(0);
  await expect(page.getByRole('term').getByText('Version', { exact: true })).toHaveCount(0);
  const others = page.getByRole('list', { name: 'Stage map' });
  await expect(others.getByRole('link', { name: 'SYSCURRENT' })).toBeVisible();
  await expect(others.getByRole('link', { name: 'GREEN' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Value', exact: true })).toBeVisible();
  // A JSON object's fields show at once on Reveal value.
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await expect(page.getByRole('row', { name: /mechanism/ })).toContainText('SCRAM-SHA-512');
});

test('stages are in one order everywhere: SYSCURRENT, SYSPREVIOUS, then by name', async ({ page, projectId, csms }) => {
  await csms.createSecret({ name: 'db', secret_string: 'one' });
  await csms.createVersion('db', { secret_string: 'two', version_stages: ['ZULU', 'SYSCURRENT', 'ALPHA'] });
  await csms.updateStage('db', 'MIKE', 'v2');
  await page.goto(secretPath(projectId, 'db'));
  const order = ['SYSCURRENT', 'ALPHA', 'MIKE', 'ZULU'];
  await expect(page.getByRole('row', { name: /^v2 / }).getByRole('link')).toHaveText(['v2', ...order]);
  await expect(page.getByRole('list', { name: 'Stage map' }).getByRole('link').filter({ hasNotText: /^v\d/ })).toHaveText([
    'SYSCURRENT',
    'SYSPREVIOUS',
    'ALPHA',
    'MIKE',
    'ZULU',
  ]);
  await page.goto(`${secretPath(projectId, 'db')}/versions/v2`);
  await expect(page.getByRole('definition').getByRole('link')).toHaveText(order);
});

test('a missing stage is asked for once', async ({ page }) => {
  const asked = countRequests(page, /^\/api\/v1\/.*\/stages\/NOPE$/);
  await page.goto(`${secretPath(DEMO_PROJECT, 'jwt-signing-key')}/stages/NOPE`);
  await expect(page.getByRole('alert')).toContainText('Stage NOPE does not exist');
  // Any second request would have started at mount, before this one, made after the page showed.
  await page.evaluate(() => fetch('/api/config', { headers: { 'X-Console-Request': '1' } }));
  expect(asked.count).toBe(1);
});

test('stage inspection: a missing stage says so and lists the stages', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT, 'jwt-signing-key')}/stages/NOPE`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Stage NOPE does not exist on jwt-signing-key');
  await expect(alert.getByRole('link', { name: 'CANARY' })).toBeVisible();
  await expect(alert.getByRole('link', { name: 'ROLLBACK' })).toBeVisible();
});

test('version detail: a missing version lists the versions', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT, 'prod-postgres-app')}/versions/v9`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Version v9 does not exist');
  await expect(alert.getByRole('link')).toHaveText(['v3', 'v2', 'v1']);
});

test('breadcrumbs lead back', async ({ page }) => {
  await page.goto(`${secretPath(DEMO_PROJECT, 'prod-postgres-app')}/versions/v2`);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs).toContainText('Secrets/prod-postgres-app/version v2');
  await crumbs.getByRole('link', { name: 'prod-postgres-app' }).click();
  await expect(page.getByRole('heading', { name: 'prod-postgres-app', level: 1 })).toBeVisible();
});
