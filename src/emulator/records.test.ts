// The operational reads and writes over HTTP, each answer checked against the official
// definitions: tags (by secret id), secrets by tag, rotation tasks, events and notification records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsmsClient } from './testing/csms-client.ts';
import { expectValid } from './testing/openapi.ts';
import { randomProjectId, startTestEmulator } from './testing/start-test-emulator.ts';

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let csms: CsmsClient;
const pid = randomProjectId();
const ids: Record<string, string> = {};
const DAY = 86400_000;

beforeAll(async () => {
  emulator = await startTestEmulator();
  csms = emulator.clientFor(pid);
  for (const name of ['orders-db', 'orders-api-key', 'billing-db', 'untagged']) {
    const res = await csms.createSecret({ name, secret_string: 'x', auto_rotation: name === 'orders-db', rotation_period: '30d' });
    ids[name] = res.body.secret.id;
  }
  for (const [name, tags] of Object.entries({
    'orders-db': { team: 'orders', env: 'prod' },
    'orders-api-key': { team: 'orders', env: 'staging' },
    'billing-db': { team: 'billing', env: 'prod' },
  }))
    for (const [key, value] of Object.entries(tags)) expect((await csms.createTag(ids[name]!, { tag: { key, value } })).status).toBe(204);
});
afterAll(() => emulator.close());

describe('tags', () => {
  it("lists a secret's tags by its id, and every key of the project with its values", async () => {
    const res = await csms.listSecretTags(ids['orders-db']!);
    expect(res.status).toBe(200);
    expectValid('ListSecretTags', 200, res.body);
    expect(res.body.tags).toEqual([
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'orders' },
    ]);
    const project = await csms.listProjectTags();
    expectValid('ListProjectSecretsTags', 200, project.body);
    expect(project.body.tags).toEqual([
      { key: 'env', values: ['prod', 'staging'] },
      { key: 'team', values: ['billing', 'orders'] },
    ]);
    expect((await csms.listSecretTags('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('refuses a system key, a repeated change is an update, and a secret has at most 20 tags', async () => {
    expect((await csms.createTag(ids.untagged!, { tag: { key: '_sys_enterprise', value: 'x' } })).status).toBe(400);
    await csms.createTag(ids.untagged!, { tag: { key: 'owner', value: 'a' } });
    await csms.createTag(ids.untagged!, { tag: { key: 'owner', value: 'b' } });
    expect((await csms.listSecretTags(ids.untagged!)).body.tags).toEqual([{ key: 'owner', value: 'b' }]);
    for (let i = 1; i < 20; i++) expect((await csms.createTag(ids.untagged!, { tag: { key: `k${i}`, value: '' } })).status).toBe(204);
    expect((await csms.createTag(ids.untagged!, { tag: { key: 'one-too-many', value: '' } })).status).toBe(400);
  });

  it('finds secrets by tags (every key, any of its values) and by a part of the name; counts them', async () => {
    const filter = (body: object) => csms.resourceInstances({ action: 'filter', ...body });
    const prodOrders = await filter({
      tags: [
        { key: 'team', values: ['orders'] },
        { key: 'env', values: ['prod'] },
      ],
    });
    expect(prodOrders.status).toBe(200);
    expectValid('ListResourceInstances', 200, prodOrders.body);
    expect(prodOrders.body.resources.map((r: { resource_name: string }) => r.resource_name)).toEqual(['orders-db']);
    expect(prodOrders.body.resources[0]).toMatchObject({ resource_id: ids['orders-db'], resource_detail: { name: 'orders-db' } });
    const anyTeam = await filter({ tags: [{ key: 'team', values: [] }], limit: '1', offset: '1' });
    expect(anyTeam.body).toMatchObject({ total_count: 3, resources: [{ resource_name: 'orders-api-key' }] });
    const byName = await filter({ matches: [{ key: 'resource_name', value: '-db' }] });
    expect(byName.body.resources.map((r: { resource_name: string }) => r.resource_name)).toEqual(['billing-db', 'orders-db']);
    // `%` and `_` are letters here, not wildcards.
    expect((await filter({ matches: [{ key: 'resource_name', value: '%' }] })).body.total_count).toBe(0);
    expect((await csms.resourceInstances({ action: 'count', tags: [{ key: 'env', values: ['prod'] }] })).body).toEqual({ total_count: 2 });
    expect((await csms.resourceInstances({ action: 'delete' })).status).toBe(400);
  });
});

describe('rotation tasks', () => {
  it('lists what CSMS ran, newest first, filtered and paged by task id', async () => {
    const now = Date.now();
    await emulator.admin.addTask(pid, { secret_name: 'orders-db', task_status: 'SUCCESS', task_time: now - 40 * DAY });
    await emulator.admin.addTask(pid, {
      secret_name: 'orders-db',
      task_status: 'FAILED',
      task_time: now - 2 * DAY,
      attempt_nums: 3,
      task_error_code: 'CSMS.0501',
      task_error_msg: 'FunctionGraph returned an error: connection to the RDS instance timed out.',
    });
    await emulator.admin.addTask(pid, { secret_name: 'billing-db', task_status: 'SUCCESS', task_time: now - DAY });
    const all = await csms.listTasks({});
    expect(all.status).toBe(200);
    expectValid('ListSecretTask', 200, all.body);
    expect(all.body.tasks.map((t: { secret_name: string; task_status: string }) => `${t.secret_name} ${t.task_status}`)).toEqual([
      'billing-db SUCCESS',
      'orders-db FAILED',
      'orders-db SUCCESS',
    ]);
    expect(all.body.total).toBe(3);
    const failed = await csms.listTasks({ status: 'FAILED' });
    expect(failed.body.tasks).toEqual([expect.objectContaining({ attempt_nums: 3, task_error_code: 'CSMS.0501' })]);
    const first = await csms.listTasks({ limit: 1 });
    const second = await csms.listTasks({ limit: 1, marker: first.body.next_marker });
    expect(second.body.tasks[0].secret_name).toBe('orders-db');
    expect((await csms.listTasks({ status: 'BROKEN' })).status).toBe(400);
    expect((await csms.listTasks({ task_id: first.body.tasks[0].task_id, status: 'SUCCESS' })).status).toBe(400);
  });
});

describe('events and notification records', () => {
  it('creates, lists and shows events; lists the notifications they sent', async () => {
    const created = await csms.createEvent({
      name: 'rotation-alerts',
      event_types: ['SECRET_ROTATED_FAILED', 'SECRET_VERSION_EXPIRED'],
      state: 'ENABLED',
      notification: { target_type: 'SMN', target_id: `urn:smn:cn-north-4:${pid}:secret-alerts`, target_name: 'secret-alerts' },
    });
    expect(created.status).toBe(200);
    expectValid('CreateSecretEvent', 200, created.body);
    const list = await csms.listEvents({});
    expectValid('ListSecretEvents', 200, list.body);
    expect(list.body.events.map((e: { name: string }) => e.name)).toEqual(['rotation-alerts']);
    const one = await csms.showEvent('rotation-alerts');
    expectValid('ShowSecretEvent', 200, one.body);
    expect(one.body.event.event_types).toEqual(['SECRET_ROTATED_FAILED', 'SECRET_VERSION_EXPIRED']);
    expect((await csms.showEvent('nope')).status).toBe(404);

    await emulator.admin.addNotification(pid, {
      event_name: 'rotation-alerts',
      secret_name: 'orders-db',
      trigger_event_type: 'SECRET_ROTATED_FAILED',
      notification_status: 'SUCCESS',
    });
    const records = await csms.listNotificationRecords();
    expectValid('ListNotificationRecords', 200, records.body);
    expect(records.body.records).toEqual([
      expect.objectContaining({ event_name: 'rotation-alerts', secret_name: 'orders-db', notification_target_name: 'secret-alerts' }),
    ]);
  });
});

describe('rotation time', () => {
  it('sets when a secret was last rotated; the next rotation follows from its period', async () => {
    const at = Date.now() - 95 * DAY;
    const res = await emulator.admin.setLastRotation(pid, 'orders-db', at);
    expect(res).toMatchObject({ secret: { rotation_time: at, next_rotation_time: at + 30 * DAY } });
  });
});
