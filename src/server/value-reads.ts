// How many values a person may read a minute, one allowance for every way a value leaves CSMS
// through this console: a reveal or a copy reads one, a compare reads two. A fixed window of a
// minute from the person's first read in it (like @fastify/rate-limit's), counted per identity.
import { createHash } from 'node:crypto';
import { CONSOLE_ERRORS } from '../shared/error-codes.ts';
import type { Identity } from './auth/identity.ts';
import { refusal } from './errors.ts';
import { KEY_PREFIX, stored, type SharedRedis } from './redis.ts';

export interface ValueReadAllowance {
  readonly perMinute: number;
  /** Takes `count` reads for the person: null when allowed, else how long (ms) until the window
   * ends. A refused take uses nothing up. */
  take(key: string, count: number): Promise<number | null>;
}

export const WINDOW_MS = 60_000;
/** Past this many people, windows that have ended are dropped (the map stays small). */
const PRUNE_ABOVE = 10_000;

/** The allowance in this process's memory (one instance; several share theirs in Redis). */
export function memoryAllowance(perMinute: number, clock: () => number = Date.now): ValueReadAllowance {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    perMinute,
    async take(key, count) {
      const now = clock();
      let window = windows.get(key);
      if (!window || now - window.start >= WINDOW_MS) {
        if (windows.size > PRUNE_ABOVE) for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k);
        window = { start: now, used: 0 };
        windows.set(key, window);
      }
      if (window.used + count > perMinute) return window.start + WINDOW_MS - now;
      window.used += count;
      return null;
    },
  };
}

/** Where Redis counts a person's reads: under a hash of their rate key. */
export const ALLOWANCE_PREFIX = `${KEY_PREFIX}value-reads:`;
export const allowanceHash = (rateKey: string) => createHash('sha256').update(rateKey).digest('base64url');

/** Takes `count` reads from the window under `key`, allowing `max`: -1 when taken, else the
 * window's time left; a refused take uses nothing up, so the check and the count are one step. A
 * Lua function, for every script that takes reads. */
export const TAKE_FUNCTION = `
local function take(key, count, max, window)
  local used = tonumber(redis.call('GET', key) or '0')
  if used + tonumber(count) > tonumber(max) then
    local left = redis.call('PTTL', key)
    if left > 0 then return left end
    return tonumber(window)
  end
  redis.call('INCRBY', key, count)
  redis.call('PEXPIRE', key, window, 'NX')
  return -1
end`;

// KEYS: the person's window. ARGV: the reads to take, the allowance, the window.
const TAKE = `${TAKE_FUNCTION}
return take(KEYS[1], ARGV[1], ARGV[2], ARGV[3])`;

/** The allowance in Redis: every instance counts against the same window. */
export function redisAllowance(client: SharedRedis, perMinute: number): ValueReadAllowance {
  client.defineCommand('csmsTakeValueReads', { numberOfKeys: 1, lua: TAKE });
  const take = (client as unknown as { csmsTakeValueReads(...args: (string | number)[]): Promise<number> }).csmsTakeValueReads.bind(client);
  return {
    perMinute,
    async take(key, count) {
      const left = await stored(take(ALLOWANCE_PREFIX + allowanceHash(key), count, perMinute, WINDOW_MS));
      return left < 0 ? null : left;
    },
  };
}

/** The words of every rate-limit refusal of the console. */
export const rateLimitedMessage = (max: number, retryMs: number) =>
  `Too many requests of this kind: at most ${max} a minute. Retry in ${Math.ceil(retryMs / 1000)} s.`;

export const rateLimited = (max: number, retryMs: number) =>
  refusal(429, CONSOLE_ERRORS.rateLimited, rateLimitedMessage(max, retryMs), {
    headers: { 'Retry-After': String(Math.ceil(retryMs / 1000)) },
  });

/** The one taker of a person's value reads, for every route that reads values. */
export type TakeValueReads = ((identity: Identity, count: number) => Promise<number | null>) & { readonly perMinute: number };
export const valueReadTaker = (allowance: ValueReadAllowance): TakeValueReads =>
  Object.assign((identity: Identity, count: number) => allowance.take(identity.rateKey, count), { perMinute: allowance.perMinute });
