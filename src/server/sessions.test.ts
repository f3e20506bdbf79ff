// The session stores, memory and Redis, held to the same rules: ids are random and stored hashed,
// a session never outlives its tokens, a user holds at most `perUser`. Redis adds its own: records
// sealed and expired by Redis on the session's clocks, and a dump that shows no token and no cookie.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectRedis, KEY_PREFIX, whenReady, type SharedRedis } from './redis.ts';
import { createSealer } from './auth/seal.ts';
import { createSessionStore, sessionKey, type SessionOptions, type SessionStore } from './auth/sessions.ts';
import { redisSessionStore } from './auth/sessions-redis.ts';
import { startRedisServer } from './testing/redis-server.ts';
import { ALLOWANCE_PREFIX, allowanceHash, redisAllowance } from './value-reads.ts';

const TOKEN = 'MIItoken-canary-4f1c';
const init = (tokensExpireAt: number) => ({
  user: 'u',
  domain: 'd',
  who: 'iam:d/u',
  projects: [],
  tokens: new Map([['p', TOKEN]]),
  tokensExpireAt,
});

let redis: Awaited<ReturnType<typeof startRedisServer>>;
let client: SharedRedis;
const sealer = createSealer([Buffer.alloc(32, 7)]);
beforeAll(async () => {
  redis = await startRedisServer();
  client = connectRedis(redis.url);
  await whenReady(client, 5000);
});
beforeEach(async () => {
  await client.flushdb();
});
afterAll(async () => {
  client.disconnect();
  await redis.stop();
});

const stores: [string, (opts: SessionOptions) => SessionStore][] = [
  ['memory', createSessionStore],
  ['redis', (opts) => redisSessionStore(client, sealer, opts)],
];

describe.each(stores)('sessions in %s', (_name, createStore) => {
  it('end a minute before the earliest token expires, when that comes before the absolute limit', async () => {
    let now = 1_000_000;
    const store = createStore({ idleMs: 4 * 3600_000, maxAgeMs: 24 * 3600_000, perUser: 5, clock: () => now });
    const { id } = await store.create(init(now + 2 * 3600_000));
    now += 2 * 3600_000 - 61_000;
    expect(await store.get(id)).toHaveProperty('session');
    now += 1000;
    expect(await store.get(id)).toEqual({ ended: 'expired', who: 'iam:d/u' });
    expect(await store.get(id)).toEqual({ ended: 'none' });
    store.close();
  });

  it('give each sign-in a fresh 256-bit id and keep no usable id', async () => {
    const store = createStore({ idleMs: 60_000, maxAgeMs: 3600_000, perUser: 100 });
    const before = await store.count();
    const ids = new Set(await Promise.all(Array.from({ length: 100 }, async () => (await store.create(init(Date.now() + 86400_000))).id)));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(await store.count()).toBe(before + 100);
    await store.end([...ids][0]);
    expect(await store.count()).toBe(before + 99);
    for (const id of ids) await store.end(id);
    store.close();
  });

  it('keep at most `perUser` sessions a user: a new sign-in ends the oldest', async () => {
    let now = 1_000_000;
    const store = createStore({ idleMs: 3600_000, maxAgeMs: 12 * 3600_000, perUser: 2, clock: () => now });
    const signIn = (who: string) => {
      now += 1000;
      return store.create({ ...init(now + 86400_000), who });
    };
    const first = await signIn('iam:d/capped');
    const second = await signIn('iam:d/capped');
    const other = await signIn('iam:d/someone-else');
    expect([first.ended, second.ended, other.ended]).toEqual([0, 0, 0]);
    const third = await signIn('iam:d/capped');
    expect(third.ended).toBe(1);
    expect(await store.get(first.id)).toEqual({ ended: 'none' });
    for (const { id } of [second, third, other]) expect(await store.get(id)).toHaveProperty('session');
    store.close();
  });
});

describe('sessions in redis', () => {
  const store = (opts: Partial<SessionOptions> = {}) =>
    redisSessionStore(client, sealer, { idleMs: 60_000, maxAgeMs: 3600_000, perUser: 5, ...opts });

  it('check the record in Redis on every use: one changed there is refused, on the instance that opened it too', async () => {
    const sessions = store();
    const alice = await sessions.create({ ...init(Date.now() + 86400_000), who: 'iam:d/alice' });
    const bob = await sessions.create({ ...init(Date.now() + 86400_000), who: 'iam:d/bob' });
    expect(await sessions.get(alice.id)).toMatchObject({ session: { who: 'iam:d/alice' } });
    // Bob's sealed record put under Alice's key: the seal names its key, so it opens for no one.
    const bobRecord = await client.get(`${KEY_PREFIX}session:${sessionKey(bob.id)}`);
    await client.set(`${KEY_PREFIX}session:${sessionKey(alice.id)}`, bobRecord!, 'KEEPTTL');
    expect(await sessions.get(alice.id)).not.toHaveProperty('session');
  });

  it('open a record once while Redis keeps the same text, and afresh when it changes', async () => {
    const opens = vi.fn(sealer.open);
    const sessions = redisSessionStore(client, { ...sealer, open: opens }, { idleMs: 60_000, maxAgeMs: 3600_000, perUser: 5 });
    const { id } = await sessions.create(init(Date.now() + 86400_000));
    for (let i = 0; i < 3; i++) expect(await sessions.get(id)).toMatchObject({ session: { tokens: new Map([['p', TOKEN]]) } });
    expect(opens).toHaveBeenCalledTimes(1);
    const key = `${KEY_PREFIX}session:${sessionKey(id)}`;
    await client.set(key, `${await client.get(key)}x`, 'KEEPTTL');
    expect(await sessions.get(id)).not.toHaveProperty('session');
    expect(opens).toHaveBeenCalledTimes(2);
  });

  it("take a request's value reads with the lookup, in one round trip, from the window the allowance counts", async () => {
    const sessions = store({ valueReadsPerMinute: 3 });
    const { id } = await sessions.create(init(Date.now() + 86400_000));
    const used = async () => client.get(ALLOWANCE_PREFIX + allowanceHash('iam:d/u'));
    // EVAL, or EVALSHA once the connection has the script.
    const scriptCalls = async () =>
      [...(await client.info('commandstats')).matchAll(/cmdstat_eval(?:sha)?:calls=(\d+)/g)].reduce(
        (sum, [, calls]) => sum + Number(calls),
        0,
      );
    const before = await scriptCalls();
    expect(await sessions.get(id, 2)).toMatchObject({ session: { who: 'iam:d/u' }, valueReadsWait: null });
    expect(await scriptCalls()).toBe(before + 1);
    expect(await used()).toBe('2');
    // One window with the allowance's own takes (a compare, a take on an instance without sessions).
    expect(await redisAllowance(client, 3).take('iam:d/u', 1)).toBeNull();
    expect(await sessions.get(id, 1)).toMatchObject({ session: { who: 'iam:d/u' }, valueReadsWait: expect.any(Number) });
    expect(await used()).toBe('3');
    // A lookup that reads no value takes nothing; an ended session takes nothing.
    expect(await sessions.get(id)).not.toHaveProperty('valueReadsWait');
    await client.del(ALLOWANCE_PREFIX + allowanceHash('iam:d/u'));
    await sessions.end(id);
    expect(await sessions.get(id, 1)).toEqual({ ended: 'none' });
    expect(await used()).toBeNull();
  });

  it('are ended by Redis after the idle time, and the person is told so once', async () => {
    const sessions = store({ idleMs: 300 });
    const { id } = await sessions.create({ ...init(Date.now() + 86400_000), who: 'iam:d/idle' });
    expect(await sessions.get(id)).toHaveProperty('session');
    // Redis alone drops the record when its time to live (the idle time) runs out.
    await vi.waitFor(async () => expect(await client.keys(`${KEY_PREFIX}session:*`)).toEqual([]), { timeout: 5000, interval: 50 });
    expect(await sessions.get(id)).toEqual({ ended: 'idle', who: 'iam:d/idle' });
    expect(await sessions.get(id)).toEqual({ ended: 'none' });
  });

  it('a request restarts the idle time, never past the absolute end', async () => {
    let now = Date.now();
    const sessions = store({ idleMs: 30 * 60_000, clock: () => now });
    const { id } = await sessions.create(init(now + 10 * 60_000 + 60_000));
    const key = (await client.keys(`${KEY_PREFIX}session:*`))[0]!;
    expect(await client.pttl(key)).toBeGreaterThan(9 * 60_000);
    expect(await client.pttl(key)).toBeLessThanOrEqual(10 * 60_000);
    now += 5 * 60_000;
    await sessions.get(id);
    expect(await client.pttl(key)).toBeLessThanOrEqual(5 * 60_000);
    await sessions.end(id);
  });

  it('hold no token and no cookie value a dump could show (redis-cli --scan, then GET of every key)', async () => {
    const sessions = store();
    const { id } = await sessions.create(init(Date.now() + 86400_000));
    const cli = (...args: string[]) => execFileSync('redis-cli', ['-p', String(redis.port), '--raw', ...args], { encoding: 'utf8' });
    const keys = cli('--scan').split('\n').filter(Boolean);
    expect(keys.length).toBeGreaterThan(0);
    const dump = keys
      .map((key) => `${key}\n${cli('TYPE', key).trim() === 'zset' ? cli('ZRANGE', key, '0', '-1') : cli('GET', key)}`)
      .join('\n');
    expect(dump).toContain(`${KEY_PREFIX}session:`);
    expect(dump).not.toContain(TOKEN);
    expect(dump).not.toContain(id);
    expect(dump).not.toContain('iam:d/u');
    // And the store still reads its own records back.
    expect(await sessions.get(id)).toMatchObject({ session: { tokens: new Map([['p', TOKEN]]) } });
  });

  it('open records sealed with the previous key after a rotation, and not those sealed with an unknown key', async () => {
    const [oldKey, newKey] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    const before = redisSessionStore(client, createSealer([oldKey]), {
      idleMs: 60_000,
      maxAgeMs: 3600_000,
      perUser: 5,
    });
    const { id } = await before.create(init(Date.now() + 86400_000));
    const rotated = redisSessionStore(client, createSealer([newKey, oldKey]), {
      idleMs: 60_000,
      maxAgeMs: 3600_000,
      perUser: 5,
    });
    expect(await rotated.get(id)).toHaveProperty('session');
    const stranger = redisSessionStore(client, createSealer([newKey]), {
      idleMs: 60_000,
      maxAgeMs: 3600_000,
      perUser: 5,
    });
    expect(await stranger.get(id)).toEqual({ ended: 'none' });
  });
});
