// The smaller findings of the review, each against the real server: a repeated Host or
// Sec-Fetch-Site header, a compare naming a ref twice, an upstream's unbounded Retry-After, the
// sign-in limit on the name as IAM reads it, and per address; the start token in the request log;
// a sign-in refused while Redis is down; an overview of a project the person cannot use.
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IAM } from '../emulator/demo-seed.ts';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { rawRequest } from '../emulator/testing/raw-http.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { MAX_RETRY_AFTER_S } from './csms-reader.ts';
import { SWEEPS_PER_PERSON } from './overview.ts';
import { regionRouting } from './routing.ts';
import { connectRedis, whenReady } from './redis.ts';
import { redisStores } from './stores.ts';
import { startRedisServer } from './testing/redis-server.ts';
import { anyReadAnswer } from './testing/fake-answers.ts';
import { startTestServer } from './testing/start-test-server.ts';

const PID = '0123456789abcdef0123456789abcdef';
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const CONSOLE = { 'X-Console-Request': '1' };

let upstreamCalls = 0;
const upstream = Fastify();
upstream.get('/*', async (req, reply) => {
  upstreamCalls += 1;
  if (req.url.includes('/throttled'))
    return reply.code(429).header('retry-after', '86400').send({ error_code: 'CSMS.0429', error_msg: 'Slow down.' });
  return reply.send(anyReadAnswer());
});
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  await upstream.listen({ host: '127.0.0.1', port: 0 });
  server = await startTestServer({ endpoint: `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`, ...creds });
});
afterAll(async () => {
  await server.close();
  await upstream.close();
});

describe('headers a request must send once', () => {
  it('refuses two Host headers, or two Sec-Fetch-Site, with 400 before any upstream call', async () => {
    const host = new URL(server.url).host;
    const before = upstreamCalls;
    const path = `/api/v1/${PID}/secrets/db`;
    const twoHosts = await rawRequest(server.url, 'GET', path, { ...CONSOLE, Host: host, HOST: 'rebind.example' });
    const twoSites = await rawRequest(server.url, 'GET', path, {
      ...CONSOLE,
      'Sec-Fetch-Site': 'same-origin',
      'sec-fetch-site': 'cross-site',
    });
    expect([twoHosts.status, twoSites.status]).toEqual([400, 400]);
    expect(JSON.parse(twoHosts.body)).toMatchObject({ error_code: 'CONSOLE.0400' });
    expect(upstreamCalls).toBe(before);
    expect((await rawRequest(server.url, 'GET', path, { ...CONSOLE, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });
});

describe('a compare naming a ref twice', () => {
  it('is refused with 400, and every ref it named is audited', async () => {
    const res = await server.get(`/api/compare?a=${PID}/db/v1&a=${PID}/other/v2&b=${PID}/third/v3`);
    expect(res.status).toBe(400);
    const lines = server.auditLines().filter((l) => l.event === 'secret.value.compare');
    expect(lines.slice(-3).map((l) => [l.secret, l.version, l.outcome])).toEqual([
      ['db', 'v1', 'invalid'],
      ['other', 'v2', 'invalid'],
      ['third', 'v3', 'invalid'],
    ]);
  });
});

describe("an upstream's Retry-After", () => {
  it(`is relayed at most ${MAX_RETRY_AFTER_S} s`, async () => {
    const res = await server.get(`/api/v1/${PID}/secrets/throttled`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(String(MAX_RETRY_AFTER_S));
  });
});

describe('with IAM sign-in', () => {
  const IAM = { mode: 'iam' as const, idleMs: 60_000, maxAgeMs: 3600_000, signInsPerMinute: 2, sessionsPerUser: 5 };
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let iam: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    emulator = await startTestEmulator('demo');
    iam = await startTestServer({ endpoint: emulator.url, accessKey: 'unused', secretKey: 'unused' }, { auth: IAM, credentials: null });
  });
  afterAll(async () => {
    await iam.close();
    await emulator.close();
  });
  const attempt = (user: string) =>
    fetch(`${iam.url}/api/session`, {
      method: 'POST',
      headers: { 'x-console-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user, password: 'wrong' }),
    }).then((r) => r.status);

  it('counts sign-ins on the name as IAM reads it, spaces or not, and caps an address across names', async () => {
    expect([await attempt('operator'), await attempt(' operator'), await attempt('  operator ')]).toEqual([401, 401, 429]);
    // Every attempt from an address counts against its cap across names: 4 names' worth (8).
    const others = [];
    for (const name of ['a1', 'a1', 'a2', 'a2', 'a3', 'a3']) others.push(await attempt(name));
    expect(others).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('the request log', () => {
  it('never holds the start token, at LOG_LEVEL=info', async () => {
    const token = 'start-token-0123456789abcdef';
    const logged = await startTestServer({ endpoint: 'http://127.0.0.1:9', ...creds }, { startToken: token, logLevel: 'info' });
    try {
      const res = await fetch(`${logged.url}/?token=${token}`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(logged.logLines.some((line) => line.includes('"url":"/?…"'))).toBe(true);
      expect(logged.logLines.join('')).not.toContain(token);
    } finally {
      await logged.close();
    }
  });
});

describe('a sign-in while Redis is down', () => {
  it('is refused with 503, and audited', async () => {
    const redis = await startRedisServer();
    const client = connectRedis(redis.url);
    await whenReady(client, 5000);
    const emulator = await startTestEmulator('demo');
    const IAM = { mode: 'iam' as const, idleMs: 60_000, maxAgeMs: 3600_000, signInsPerMinute: 5, sessionsPerUser: 5 };
    const signIns = await startTestServer(
      { endpoint: emulator.url, accessKey: 'unused', secretKey: 'unused' },
      { auth: IAM, credentials: null, stores: redisStores(client, [Buffer.alloc(32, 7)]) },
    );
    try {
      await redis.stop();
      const res = await fetch(`${signIns.url}/api/session`, {
        method: 'POST',
        headers: { 'x-console-request': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: 'operator', password: 'whatever' }),
      });
      expect(res.status).toBe(503);
      expect(signIns.auditLines().at(-1)).toMatchObject({
        event: 'session.sign-in',
        who: `iam:${DEMO_IAM.domain}/operator`,
        outcome: 'error',
      });
    } finally {
      client.disconnect();
      await signIns.close();
      await emulator.close();
    }
  });
});

describe('overviews', () => {
  it(`are swept for at most ${SWEEPS_PER_PERSON} projects a person at once; the next is refused with 429`, async () => {
    const statuses = [];
    for (let i = 0; i <= SWEEPS_PER_PERSON; i++) statuses.push((await server.get(`/api/overview/${randomProjectId()}`)).status);
    expect(statuses.slice(0, SWEEPS_PER_PERSON).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('an overview of a project the person cannot use', () => {
  it('is refused before any sweep is made or kept: Redis holds nothing more, CSMS is not called', async () => {
    const redis = await startRedisServer();
    const client = connectRedis(redis.url);
    await whenReady(client, 5000);
    const endpoint = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;
    const only = await startTestServer(
      { endpoint, ...creds },
      {
        mode: 'cloud',
        projects: [{ id: PID, name: 'known', region: 'local' }],
        regions: [{ name: 'local', endpoint }],
        // Only the configured project is served: any other is refused (404), as in the cloud.
        routing: regionRouting([{ name: 'local', endpoint }]),
        stores: redisStores(client, [Buffer.alloc(32, 7)]),
      },
    );
    try {
      expect((await only.get(`/api/overview/${PID}`)).status).toBe(200);
      const keys = await client.dbsize();
      const calls = upstreamCalls;
      for (let i = 0; i < 50; i++) expect([403, 404]).toContain((await only.get(`/api/overview/${randomProjectId()}`)).status);
      expect(await client.dbsize()).toBe(keys);
      expect(upstreamCalls).toBe(calls);
    } finally {
      await only.close();
      client.disconnect();
      await redis.stop();
    }
  });
});
