// The overview's sweep: everything a project's health needs, never a value; kept 60 s per person
// and project; at most 8 calls upstream at once per person; partial while it runs; a part refused
// by IAM leaves the rest, saying which permission it needs.
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectOverview } from '../shared/console-api.ts';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { DEMO_IAM, DEMO_PROJECTS } from '../emulator/demo-seed.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { fakeSecret } from './testing/fake-answers.ts';
import { startTestServer } from './testing/start-test-server.ts';

const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const DAY = 86400_000;
const LOCKED_KEY = '5e1d0c2b-3a49-4f8e-9d7c-6b5a4e3d2c1b';

describe('the sweep of a project', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const pid = randomProjectId();
  beforeAll(async () => {
    emulator = await startTestEmulator();
    const csms = emulator.clientFor(pid);
    await csms.createSecret({ name: 'db', secret_string: 'SWEEP-CANARY', auto_rotation: true, rotation_period: '30d' });
    await csms.createVersion('db', { secret_string: 'SWEEP-CANARY-2', expire_time: Date.now() + 5 * DAY });
    await csms.createSecret({ name: 'api-key', secret_string: 'SWEEP-CANARY-3' });
    await emulator.admin.setKey(pid, LOCKED_KEY, 'team/locked', '3');
    await csms.createSecret({ name: 'locked', secret_string: 'SWEEP-CANARY-4', kms_key_id: LOCKED_KEY });
    await csms.createSecret({ name: 'locked-too', secret_string: 'SWEEP-CANARY-5', kms_key_id: LOCKED_KEY });
    await emulator.admin.addTask(pid, { secret_name: 'db', task_status: 'FAILED', attempt_nums: 3, task_error_msg: 'timed out' });
    await emulator.addRotationAlert(pid, 'db');
    server = await startTestServer({ endpoint: emulator.url, ...creds });
  });
  afterAll(async () => {
    await server.close();
    await emulator.close();
  });

  it('reads secrets, versions, tasks, notifications and events, and no value', async () => {
    const res = await server.get(`/api/overview/${pid}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/SWEEP-CANARY|secret_string|secret_binary/);
    const overview = JSON.parse(text) as ProjectOverview;
    expect(overview).toMatchObject({ project_id: pid, complete: true, progress: { checked: 4, total: 4 }, failed: {} });
    expect(overview.secrets.map((s) => s.name)).toEqual(['api-key', 'db', 'locked', 'locked-too']);
    expect(overview.versions.db!.map((v) => v.id)).toEqual(['v2', 'v1']);
    expect(overview.tasks).toEqual([expect.objectContaining({ task_status: 'FAILED', attempt_nums: 3 })]);
    expect(overview.notifications).toHaveLength(1);
    expect(overview.events.map((e) => e.name)).toEqual(['alerts']);
    const defaultKey = overview.secrets[0]!.kms_key_id!;
    expect(overview.keys).toEqual({
      [defaultKey]: { ok: true, key_id: defaultKey, key_alias: 'csms/default', key_state: '2' },
      [LOCKED_KEY]: { ok: true, key_id: LOCKED_KEY, key_alias: 'team/locked', key_state: '3' },
    });
    // Each key once, however many secrets name it.
    expect((await emulator.admin.requests(pid)).filter((r) => r.path.endsWith('/kms/describe-key'))).toHaveLength(2);
  });

  it('is kept 60 s for the same person, a fresh one no sooner than 10 s after', async () => {
    let now = Date.now();
    const clocked = await startTestServer({ endpoint: emulator.url, ...creds }, { clock: () => now });
    const asOf = async (query = '') => ((await (await clocked.get(`/api/overview/${pid}${query}`)).json()) as ProjectOverview).as_of;
    try {
      const first = await asOf();
      now += 9_999;
      expect(await asOf('?fresh=1')).toBe(first);
      now += 2;
      const fresh = await asOf('?fresh=1');
      expect(fresh).toBe(now);
      now += 59_999;
      expect(await asOf()).toBe(fresh);
      now += 2;
      expect(await asOf()).toBe(now);
    } finally {
      await clocked.close();
    }
    expect((await server.get(`/api/overview/not-a-project`)).status).toBe(400);
  });
});

describe('the pace of a sweep', () => {
  let inFlight = 0;
  let most = 0;
  const upstream = Fastify();
  upstream.get('/v1/:pid/secrets', async () => ({
    secrets: Array.from({ length: 40 }, (_, i) => fakeSecret(`s${String(i).padStart(2, '0')}`)),
    page_info: { current_count: 40 },
  }));
  upstream.get('/v1/:pid/secrets/:name/versions', async (req) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    // 40 calls at 8 at a time take 5 × 250 ms even for one project alone: longer than the first
    // answer's wait, so that answer is partial however the two sweeps share the 8.
    await new Promise((resolve) => setTimeout(resolve, 250));
    inFlight -= 1;
    return {
      version_metadatas: [{ id: 'v1', secret_name: (req.params as { name: string }).name, version_stages: ['SYSCURRENT'] }],
      page_info: { current_count: 1 },
    };
  });
  upstream.get('/v1/:pid/csms/tasks', async () => ({ tasks: [], total: 0 }));
  upstream.get('/v1/:pid/csms/events', async () => ({ events: [] }));
  upstream.get('/v1/:pid/csms/notification-records', async () => ({ records: [] }));
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    await upstream.listen({ host: '127.0.0.1', port: 0 });
    server = await startTestServer({ endpoint: `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`, ...creds });
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  it('keeps at most 8 calls in flight per person, across projects, and answers with progress while it runs', async () => {
    const [a, b] = [randomProjectId(), randomProjectId()];
    const [firstA] = await Promise.all([server.get(`/api/overview/${a}`), server.get(`/api/overview/${b}`)]);
    const partial = (await firstA.json()) as ProjectOverview;
    expect(partial.complete).toBe(false);
    expect(partial.progress.total).toBe(40);
    expect(partial.progress.checked).toBeLessThan(40);
    await expect
      .poll(async () => ((await (await server.get(`/api/overview/${a}`)).json()) as ProjectOverview).complete, { timeout: 10_000 })
      .toBe(true);
    await expect.poll(async () => ((await (await server.get(`/api/overview/${b}`)).json()) as ProjectOverview).progress.checked).toBe(40);
    expect(most).toBe(8);
  });
});

describe('a part the person may not read', () => {
  it('is missing with the permission it needs; the rest is there', async () => {
    const emulator = await startTestEmulator('demo');
    const server = await startTestServer(
      { endpoint: emulator.url, accessKey: 'unused', secretKey: 'unused' },
      { auth: { mode: 'iam', idleMs: 60_000, maxAgeMs: 3600_000, signInsPerMinute: 10, sessionsPerUser: 5 }, credentials: null },
    );
    try {
      const auditor = DEMO_IAM.users.find((u) => u.name === 'auditor')!;
      const signIn = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'x-console-request': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: auditor.name, password: auditor.password }),
      });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const overview = (await (await server.get(`/api/overview/${DEMO_PROJECTS.production.id}`, { cookie })).json()) as ProjectOverview;
      expect(overview.failed).toEqual({
        tasks: expect.objectContaining({ status: 403, code: 'CSMS.0403', permission: 'csms::listTasks (role-based: csms:task:list)' }),
      });
      expect(overview.secrets.length).toBeGreaterThan(10);
      // Without kms:cmk:get a key's state is unknown (with why), never "disabled".
      const keys = Object.values(overview.keys);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key).toMatchObject({ ok: false, status: 403, permission: 'kms:cmk:get' });
      expect(Object.keys(overview.versions).length).toBeGreaterThan(0);
    } finally {
      await server.close();
      await emulator.close();
    }
  });
});
