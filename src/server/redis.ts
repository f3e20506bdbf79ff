// The Redis that several console instances share (Redis 7, Valkey or Huawei DCS: one protocol).
// One ioredis client serves every store: it is the client @fastify/rate-limit's Redis store is
// built for (its script is installed with `defineCommand`), it runs the console's own scripts the
// same way, and it reconnects by itself. While Redis cannot be reached a command fails at once
// (no offline queue, no silent fallback to this process's memory): the request that needed it is
// answered 503, and /readyz names Redis.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { createRequire } from 'node:module';
import { CONSOLE_ERRORS } from '../shared/error-codes.ts';
import type { Dependency } from './health.ts';

/** Every key the console writes starts with this (pick another database to share one Redis). */
export const KEY_PREFIX = 'csms:';
const COMMAND_TIMEOUT_MS = 1000;

/** A request could not be served because Redis could not be reached; the error handler answers
 * it as a CSMS body with status 503. */
export class StoreUnavailable extends Error {
  readonly statusCode = 503;
  readonly error_code = CONSOLE_ERRORS.unavailable;
  readonly error_msg = 'The console cannot reach its shared store (Redis) just now. Try again in a moment.';
  constructor(cause?: unknown) {
    super('shared store unavailable', { cause });
  }
}

/** Runs a store command, its failure told as StoreUnavailable. */
export async function stored<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (error) {
    throw new StoreUnavailable(error);
  }
}

export type SharedRedis = Redis;

export function connectRedis(url: string, onError: (message: string) => void = () => {}): SharedRedis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // Reconnect for as long as the process runs, at most every two seconds.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  // Said once per outage, not once per reconnection attempt.
  let down = false;
  client.on('error', (error: Error & { code?: string }) => {
    if (!down) onError(`Redis unreachable (${error.code ?? error.message}); reconnecting`);
    down = true;
  });
  client.on('ready', () => (down = false));
  return client;
}

/** Resolves once connected, or after `ms` (the console starts anyway and reconnects by itself). */
export const whenReady = (client: SharedRedis, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (client.status === 'ready') return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

export const redisDependency = (client: SharedRedis): Dependency => ({
  name: 'redis',
  async check() {
    await client.ping();
  },
});

// @fastify/rate-limit's own Redis store (its script, its keys), loaded from the package itself.
type RedisStoreCtor = new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: SharedRedis,
  key: string,
) => FastifyRateLimitStore;
const RedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore.js') as RedisStoreCtor;

/** That store over the shared client, its failures told as StoreUnavailable. */
export function rateLimitStore(client: SharedRedis): FastifyRateLimitStoreCtor {
  const wrap = (store: FastifyRateLimitStore): FastifyRateLimitStore => ({
    incr(key, callback, ...rest: unknown[]) {
      (store.incr as (...args: unknown[]) => void)(
        key,
        (error: Error | null, result?: { current: number; ttl: number }) =>
          error ? callback(new StoreUnavailable(error)) : callback(null, result),
        ...rest,
      );
    },
    child: (routeOptions) => wrap(store.child(routeOptions)),
  });
  return class {
    constructor(options: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      return wrap(new RedisStore(options.continueExceeding ?? false, options.exponentialBackoff ?? false, client, `${KEY_PREFIX}rate:`));
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
