// The rest of what instances share through Redis: the settings that turn it on, the one-time start
// token (spent once across instances, its cookie good on each), and the overview's sweeps (one
// sweep for a person and project, whichever instance is asked, its progress visible on each).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProjectOverview } from '../shared/console-api.ts';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { connectRedis, whenReady, type SharedRedis } from './redis.ts';
import { sharedConfigFromEnv } from './shared-config.ts';
import { redisStartTokens } from './auth/start-token.ts';
import { redisStores } from './stores.ts';
import { startRedisServer } from './testing/redis-server.ts';
import { startTestServer } from './testing/start-test-server.ts';

const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const KEY = 'ab'.repeat(32);

type Server = Awaited<ReturnType<typeof startTestServer>>;
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let redis: Awaited<ReturnType<typeof startRedisServer>>;
const clients: SharedRedis[] = [];
async function client() {
  const c = connectRedis(redis.url);
  clients.push(c);
  await whenReady(c, 5000);
  return c;
}
beforeAll(async () => {
  [emulator, redis] = await Promise.all([startTestEmulator(), startRedisServer()]);
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis.stop();
  await emulator.close();
});

describe('the settings', () => {
  it('need a session key with Redis, accept a previous one, and name the instance', () => {
    expect(sharedConfigFromEnv({})).toEqual({ instance: expect.any(String) });
    expect(() => sharedConfigFromEnv({ CONSOLE_REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/CONSOLE_SESSION_KEY/);
    expect(() => sharedConfigFromEnv({ CONSOLE_REDIS_URL: 'redis://r', CONSOLE_SESSION_KEY: 'short' })).toThrow(/32 bytes/);
    expect(() => sharedConfigFromEnv({ CONSOLE_REDIS_URL: 'http://r', CONSOLE_SESSION_KEY: KEY })).toThrow(/redis:\/\//);
    expect(() => sharedConfigFromEnv({ CONSOLE_INSTANCE: 'a b' })).toThrow(/CONSOLE_INSTANCE/);
    const previous = Buffer.alloc(32, 1).toString('base64');
    expect(
      sharedConfigFromEnv({
        CONSOLE_REDIS_URL: 'rediss://r:6380/2',
        CONSOLE_SESSION_KEY: KEY,
        CONSOLE_SESSION_KEY_PREVIOUS: previous,
        CONSOLE_INSTANCE: 'console-a',
      }),
    ).toEqual({ instance: 'console-a', redis: { url: 'rediss://r:6380/2', sessionKeys: [Buffer.from(KEY, 'hex'), Buffer.alloc(32, 1)] } });
  });
});

describe('the one-time start token in Redis', () => {
  it('opens once on any instance, and the cookie it sets is good on every instance', async () => {
    const token = 'start-token-0123456789abcdefghij';
    const tokens = await redisStartTokens(await client(), token);
    const [a, b] = (await Promise.all(
      [tokens, await redisStartTokens(await client(), 'another-instances-own-token-0000')].map((startTokens, i) =>
        startTestServer({ endpoint: emulator.url, ...creds }, { mode: 'cloud', instance: `console-${i}`, startTokens }),
      ),
    )) as [Server, Server];
    try {
      // The token printed by one instance, spent through another.
      const opened = await fetch(`${b.url}/?token=${token}`, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(`${a.url}/?token=${token}`, { redirect: 'manual' })).status).toBe(401);
      for (const server of [a, b]) expect((await server.get('/api/config', { cookie })).status).toBe(200);
      expect((await a.get('/api/config', { cookie: `${cookie}x` })).status).toBe(401);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("the overview's sweeps in Redis", () => {
  it('sweep a project once for a person, whichever instance is asked, and show its progress on each', async () => {
    const pid = randomProjectId();
    const csms = emulator.clientFor(pid);
    for (const name of ['a', 'b', 'c']) await csms.createSecret({ name, secret_string: 'x' });
    const [a, b] = (await Promise.all(
      ['console-a', 'console-b'].map(async (instance) =>
        startTestServer({ endpoint: emulator.url, ...creds }, { stores: redisStores(await client(), [Buffer.from(KEY, 'hex')]), instance }),
      ),
    )) as [Server, Server];
    try {
      // Each secret's versions take a while: the sweep is still under way when B is asked.
      await emulator.admin.addFault({ path: '/versions', delay_ms: 1500, count: 3 });
      const first = (await (await a.get(`/api/overview/${pid}`)).json()) as ProjectOverview;
      expect(first.complete).toBe(false);
      const meanwhile = (await (await b.get(`/api/overview/${pid}`)).json()) as ProjectOverview;
      // A's sweep as A last published it (every second), not one of B's own.
      expect(meanwhile).toMatchObject({ complete: false, as_of: first.as_of });
      await vi.waitFor(async () => expect(((await (await b.get(`/api/overview/${pid}`)).json()) as ProjectOverview).complete).toBe(true), {
        timeout: 10_000,
        interval: 200,
      });
      const kept = (await (await b.get(`/api/overview/${pid}`)).json()) as ProjectOverview;
      expect(kept.as_of).toBe(first.as_of);
      expect(Object.keys(kept.versions).sort()).toEqual(['a', 'b', 'c']);
      // One sweep in all: one listing of the secrets, one of each secret's versions.
      const listings = (await emulator.admin.requests(pid)).filter((r) => r.method === 'GET' && r.path.endsWith('/secrets'));
      expect(listings).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keep no sweep that could not list the secrets: the next request, on either instance, asks CSMS again', async () => {
    const pid = randomProjectId();
    await emulator.clientFor(pid).createSecret({ name: 'a', secret_string: 'x' });
    const [a, b] = (await Promise.all(
      ['console-a', 'console-b'].map(async (instance) =>
        startTestServer({ endpoint: emulator.url, ...creds }, { stores: redisStores(await client(), [Buffer.from(KEY, 'hex')]), instance }),
      ),
    )) as [Server, Server];
    try {
      await emulator.admin.addFault({ path: `/v1/${pid}/secrets$`, status: 500, count: 100 });
      expect((await a.get(`/api/overview/${pid}`)).status).toBe(500);
      await emulator.admin.clearFaults();
      await vi.waitFor(async () => expect(((await (await b.get(`/api/overview/${pid}`)).json()) as ProjectOverview).complete).toBe(true), {
        timeout: 10_000,
        interval: 200,
      });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
