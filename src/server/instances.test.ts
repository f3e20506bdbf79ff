// Two console instances sharing one Redis behave as one: a session signed in on one is served and
// ended on the other, the value-read allowance counts across both, a restart keeps sessions, and
// while Redis is away what needs it answers 503 (never counted in memory instead) until Redis is back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { DEMO_IAM, DEMO_PROJECTS } from '../emulator/demo-seed.ts';
import { startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { connectRedis, whenReady, type SharedRedis } from './redis.ts';
import { redisStores } from './stores.ts';
import { startRedisServer } from './testing/redis-server.ts';
import { startTestServer } from './testing/start-test-server.ts';

const IAM = { mode: 'iam' as const, idleMs: 30 * 60_000, maxAgeMs: 12 * 3600_000, signInsPerMinute: 1000, sessionsPerUser: 5 };
const SESSION_KEY = Buffer.alloc(32, 9);
const { production } = DEMO_PROJECTS;
const operator = DEMO_IAM.users[0]!;
const VALUE = `/api/v1/${production.id}/secrets/grafana-admin/versions/latest`;
const LIST = `/api/v1/${production.id}/secrets?limit=5`;

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let redis: Awaited<ReturnType<typeof startRedisServer>>;
const clients: SharedRedis[] = [];
type Instance = Awaited<ReturnType<typeof startTestServer>>;

/** An instance as a process of its own would have it: its own Redis client, its own audit file. */
async function instance(name: string, opts: Parameters<typeof startTestServer>[1] = {}): Promise<Instance> {
  const client = connectRedis(redis.url);
  clients.push(client);
  await whenReady(client, 5000);
  return startTestServer(
    { endpoint: emulator.url, accessKey: 'unused', secretKey: 'unused' },
    { auth: IAM, credentials: null, stores: redisStores(client, [SESSION_KEY]), instance: name, valueReadsPerMinute: 60, ...opts },
  );
}

beforeAll(async () => {
  emulator = await startTestEmulator('demo');
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis.stop();
  await emulator.close();
});

async function signIn(on: Instance, user: { name: string; password: string } = operator) {
  const res = await fetch(`${on.url}/api/session`, {
    method: 'POST',
    headers: { 'x-console-request': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: user.name, password: user.password }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const signOut = (on: Instance, cookie: string) =>
  fetch(`${on.url}/api/session`, { method: 'DELETE', headers: { 'x-console-request': '1', cookie } });

describe('two instances on one Redis', () => {
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    [a, b] = await Promise.all([instance('console-a'), instance('console-b')]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('sign in through A, read through B, sign out on B, and A refuses the cookie', async () => {
    const cookie = await signIn(a);
    expect((await b.get(VALUE, { cookie })).status).toBe(200);
    expect((await signOut(b, cookie)).status).toBe(204);
    const refused = await a.get(LIST, { cookie });
    expect(refused.status).toBe(401);
    // Each instance audits what it did, under its own name.
    expect(a.auditLines().at(-1)).toMatchObject({ instance: 'console-a', event: 'session.sign-in', outcome: 'ok' });
    expect(b.auditLines().map((l) => [l.instance, l.event])).toEqual([
      ['console-b', 'secret.value.read'],
      ['console-b', 'session.sign-out'],
    ]);
  });

  it('share one value-read allowance: 60 a minute across both, not 60 each', async () => {
    await clients[0]!.flushdb(); // a window of the person's own
    const cookie = await signIn(a);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await (i % 2 ? b : a).get(VALUE, { cookie })).status);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    const refused = await a.get(VALUE, { cookie });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await signOut(a, cookie);
  });

  it('share the sign-in limit: attempts on A and B count together', async () => {
    const [c, d] = await Promise.all([
      instance('console-c', { auth: { ...IAM, signInsPerMinute: 2 } }),
      instance('console-d', { auth: { ...IAM, signInsPerMinute: 2 } }),
    ]);
    try {
      const attempt = (on: Instance) =>
        fetch(`${on.url}/api/session`, {
          method: 'POST',
          headers: { 'x-console-request': '1', 'content-type': 'application/json' },
          body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: 'limited', password: 'wrong' }),
        });
      expect([(await attempt(c)).status, (await attempt(d)).status, (await attempt(c)).status]).toEqual([401, 401, 429]);
    } finally {
      await Promise.all([c.close(), d.close()]);
    }
  });

  it('give one value one fingerprint in a compare, whichever instance answers', async () => {
    await clients[0]!.flushdb();
    const cookie = await signIn(a);
    const compare = `/api/compare?a=${production.id}/grafana-admin/v1&b=${production.id}/grafana-admin/SYSCURRENT`;
    const [onA, onB] = await Promise.all([a.get(compare, { cookie }), b.get(compare, { cookie })]);
    const [fromA, fromB] = (await Promise.all([onA.json(), onB.json()])) as { a: { fingerprint: string } }[];
    expect(fromA!.a.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(fromB!.a.fingerprint).toBe(fromA!.a.fingerprint);
    await signOut(a, cookie);
  });

  it("show a value read on A to another person on B, who may read the secret's metadata", async () => {
    await clients[0]!.flushdb();
    const operatorCookie = await signIn(a);
    const auditorCookie = await signIn(b, DEMO_IAM.users[1]);
    const path = `/api/value-reads/${production.id}/grafana-admin`;
    expect(await (await b.get(path, { cookie: auditorCookie })).json()).toMatchObject({ reads: [], scope: 'shared' });

    const revealed = await a.get(`/api/v1/${production.id}/secrets/grafana-admin/versions/v1`, { cookie: operatorCookie });
    expect(revealed.status).toBe(200);
    const audited = a.auditLines().at(-1)!;
    // Indexed after the line is written, without holding the answer back: seen once Redis has it.
    await vi.waitFor(
      async () => {
        const answer = await b.get(path, { cookie: auditorCookie });
        expect(answer.status).toBe(200);
        expect(await answer.json()).toMatchObject({
          reads: [{ who: audited.who, action: 'read', version: 'v1', instance: 'console-a', request_id: audited.request_id }],
          scope: 'shared',
          kept: 200,
        });
      },
      { timeout: 5000, interval: 50 },
    );
    expect(audited.who).toContain(operator.name);
    // A secret's list names no secret: its reads are of that one.
    const [read] = ((await (await b.get(path, { cookie: auditorCookie })).json()) as { reads: object[] }).reads;
    expect(read).not.toHaveProperty('secret');
    // Of one version: v1's read is there, v2 has none.
    expect(((await (await b.get(`${path}?version=v1`, { cookie: auditorCookie })).json()) as { reads: unknown[] }).reads).toHaveLength(1);
    expect(((await (await b.get(`${path}?version=v2`, { cookie: auditorCookie })).json()) as { reads: unknown[] }).reads).toHaveLength(0);
    // Who may not read the secret's metadata may not see its reads: the auditor has no staging.
    const refused = await b.get(`/api/value-reads/${DEMO_PROJECTS.staging.id}/grafana-admin`, { cookie: auditorCookie });
    expect(refused.status).toBe(403);
    const bad = await b.get(`${path}?version=../x`, { cookie: auditorCookie });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error_code: 'CSMS.0002' });
    await Promise.all([signOut(a, operatorCookie), signOut(b, auditorCookie)]);
  });

  it('keep a session across a restart of the instance that made it', async () => {
    const cookie = await signIn(a);
    await a.close();
    a = await instance('console-a');
    expect((await a.get(LIST, { cookie })).status).toBe(200);
  });
});

describe('while Redis is away', () => {
  it('sign-in and value reads answer 503 (metadata without a session still works), /readyz names Redis, and all recovers by itself', async () => {
    const iam = await instance('console-iam');
    // Header mode: people are named by the proxy, no session is needed to read metadata.
    const header = await instance('console-header', {
      auth: { mode: 'header', header: 'x-user', proxySecret: 's'.repeat(32) },
      credentials: { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey },
    });
    const asUser = { 'x-user': 'alice', 'x-console-proxy-secret': 's'.repeat(32) };
    try {
      expect((await header.get(VALUE, asUser)).status).toBe(200);
      await redis.kill();

      const value = await header.get(VALUE, asUser);
      expect(value.status).toBe(503);
      expect(await value.json()).toEqual({ error_code: 'CONSOLE.0503', error_msg: expect.stringMatching(/shared store \(Redis\)/) });
      expect((await header.get(LIST, asUser)).status).toBe(200);
      const refused = await fetch(`${iam.url}/api/session`, {
        method: 'POST',
        headers: { 'x-console-request': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: operator.name, password: operator.password }),
      });
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ error_code: 'CONSOLE.0503' });
      const ready = await fetch(`${iam.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: unknown[] }).checks).toContainEqual(expect.objectContaining({ name: 'redis', ok: false }));

      await redis.start();
      await vi.waitFor(async () => expect((await header.get(VALUE, asUser)).status).toBe(200), { timeout: 10_000, interval: 100 });
      await signIn(iam);
    } finally {
      await Promise.all([iam.close(), header.close()]);
    }
  });
});
