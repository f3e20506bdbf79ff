// GET /api/value-reads/{project_id}?from=&to=: a project's value reads in a window, for the change
// feed: a reveal is there with who, which secret and version; a window without reads answers none;
// a window the server cannot read is refused with the CSMS error body; who may not list the
// project's secrets may not see them; and two instances on one Redis see each other's.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { DEMO_IAM, DEMO_PROJECTS } from '../emulator/demo-seed.ts';
import { startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { connectRedis, whenReady, type SharedRedis } from './redis.ts';
import { redisStores } from './stores.ts';
import { startRedisServer } from './testing/redis-server.ts';
import { startTestServer } from './testing/start-test-server.ts';

const { production, staging } = DEMO_PROJECTS;
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const HOUR = 3600_000;
const feed = (project: string, from: number | string, to: number | string) => `/api/value-reads/${project}?from=${from}&to=${to}`;

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  emulator = await startTestEmulator('demo');
});
afterAll(() => emulator.close());

describe("a project's value reads (memory index)", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ endpoint: emulator.url, ...creds }, { instance: 'console-a' });
  });
  afterAll(() => server.close());

  it('has the reveal in a window holding now, with the secret, who and version; none in a window before it', async () => {
    const before = Date.now();
    expect((await server.get(`/api/v1/${production.id}/secrets/grafana-admin/versions/v1`)).status).toBe(200);
    const answer = await server.get(feed(production.id, before - HOUR, Date.now() + HOUR));
    expect(answer.status).toBe(200);
    const audited = server.auditLines().at(-1)!;
    expect(await answer.json()).toEqual({
      reads: [
        {
          time: expect.any(Number),
          who: audited.who,
          action: 'read',
          version: 'v1',
          secret: 'grafana-admin',
          instance: 'console-a',
          request_id: audited.request_id,
        },
      ],
      since: expect.any(Number),
      scope: 'instance',
      kept: 2000,
      cut: null,
    });
    const earlier = await server.get(feed(production.id, before - 2 * HOUR, before - HOUR));
    expect(await earlier.json()).toMatchObject({ reads: [], cut: null });
    expect(await (await server.get(feed(staging.id, before - HOUR, Date.now() + HOUR))).json()).toMatchObject({ reads: [] });
  });

  it.each([
    ['a time that is not milliseconds', feed(production.id, 'yesterday', 1), /^Invalid from: expected milliseconds/],
    ['a window ending before it starts', feed(production.id, 2000, 1000), /^Invalid window: the window must end/],
    ['no end', `/api/value-reads/${production.id}?from=1`, /^Invalid to: required, in milliseconds since 1970\.$/],
    ['no start', `/api/value-reads/${production.id}?to=1`, /^Invalid from: required, in milliseconds since 1970\.$/],
    ['a start given twice', `/api/value-reads/${production.id}?from=1&from=2&to=3`, /^Invalid from: expected one value/],
    ['a parameter it does not know', `${feed(production.id, 1, 2)}&secret=x`, /^Unknown query parameter "secret"/],
    ['a project id that is not one', feed('not-a-project', 1, 2), /^Invalid project_id/],
  ])('refuses %s with the CSMS error body', async (_, path, message) => {
    const answer = await server.get(path);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error_code: 'CSMS.0002', error_msg: expect.stringMatching(message) });
  });
});

describe("a project's value reads across two instances on one Redis", () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  const clients: SharedRedis[] = [];
  const IAM = { mode: 'iam' as const, idleMs: 30 * 60_000, maxAgeMs: 12 * 3600_000, signInsPerMinute: 1000, sessionsPerUser: 5 };
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis.stop();
  });
  async function instance(name: string) {
    const client = connectRedis(redis.url);
    clients.push(client);
    await whenReady(client, 5000);
    const stores = redisStores(client, [Buffer.alloc(32, 9)]);
    return startTestServer({ endpoint: emulator.url, ...creds }, { auth: IAM, credentials: null, stores, instance: name });
  }
  async function signIn(on: Awaited<ReturnType<typeof instance>>, user: { name: string; password: string }) {
    const res = await fetch(`${on.url}/api/session`, {
      method: 'POST',
      headers: { 'x-console-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: user.name, password: user.password }),
    });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }

  it('shows a read made on A to another person on B; refuses a project the person may not list', async () => {
    const [a, b] = [await instance('console-a'), await instance('console-b')];
    const [operator, auditor] = DEMO_IAM.users;
    const operatorCookie = await signIn(a, operator!);
    const auditorCookie = { cookie: await signIn(b, auditor!) };
    const before = Date.now();
    const window = () => feed(production.id, before - HOUR, Date.now() + HOUR);
    expect(await (await b.get(window(), auditorCookie)).json()).toMatchObject({ reads: [], scope: 'shared' });

    expect((await a.get(`/api/v1/${production.id}/secrets/grafana-admin/versions/v1`, { cookie: operatorCookie })).status).toBe(200);
    await vi.waitFor(
      async () =>
        expect(await (await b.get(window(), auditorCookie)).json()).toMatchObject({
          reads: [{ who: expect.stringContaining(operator!.name), secret: 'grafana-admin', version: 'v1', instance: 'console-a' }],
          scope: 'shared',
          cut: null,
        }),
      { timeout: 5000, interval: 50 },
    );
    // The auditor may not list staging's secrets: the refusal is CSMS's, naming its permission.
    const refused = await b.get(feed(staging.id, before - HOUR, Date.now() + HOUR), auditorCookie);
    expect(refused.status).toBe(403);
    await Promise.all([a.close(), b.close()]);
  });
});
