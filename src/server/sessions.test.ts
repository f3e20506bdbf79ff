// The session table: ids are random and stored hashed, and a session never outlives its tokens.
import { describe, expect, it } from 'vitest';
import { createSessionStore } from './sessions.ts';

const init = (tokensExpireAt: number) => ({
  user: 'u',
  domain: 'd',
  who: 'iam:d/u',
  projects: [],
  tokens: new Map([['p', 'MIItoken']]),
  tokensExpireAt,
});

describe('sessions', () => {
  it('end a minute before the earliest token expires, when that comes before the absolute limit', () => {
    let now = 1_000_000;
    const store = createSessionStore({ idleMs: 4 * 3600_000, maxAgeMs: 24 * 3600_000, perUser: 5, clock: () => now });
    const { id } = store.create(init(now + 2 * 3600_000));
    now += 2 * 3600_000 - 61_000;
    expect(store.get(id)).toHaveProperty('session');
    now += 1000;
    expect(store.get(id)).toEqual({ ended: 'expired', who: 'iam:d/u' });
    expect(store.get(id)).toEqual({ ended: 'none' });
    store.close();
  });

  it('give each sign-in a fresh 256-bit id and keep no usable id', () => {
    const store = createSessionStore({ idleMs: 60_000, maxAgeMs: 3600_000, perUser: 100 });
    const ids = new Set(Array.from({ length: 100 }, () => store.create(init(Date.now() + 86400_000)).id));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(store.size).toBe(100);
    store.end([...ids][0]);
    expect(store.size).toBe(99);
    store.close();
  });

  it('keep at most `perUser` sessions a user: a new sign-in ends the oldest', () => {
    let now = 1_000_000;
    const store = createSessionStore({ idleMs: 3600_000, maxAgeMs: 12 * 3600_000, perUser: 2, clock: () => now });
    const signIn = (who: string) => {
      now += 1000;
      return store.create({ ...init(now + 86400_000), who });
    };
    const first = signIn('iam:d/u');
    const second = signIn('iam:d/u');
    const other = signIn('iam:d/someone-else');
    expect([first.ended, second.ended, other.ended]).toEqual([0, 0, 0]);
    const third = signIn('iam:d/u');
    expect(third.ended).toBe(1);
    expect(store.get(first.id)).toEqual({ ended: 'none' });
    for (const { id } of [second, third, other]) expect(store.get(id)).toHaveProperty('session');
    store.close();
  });
});
