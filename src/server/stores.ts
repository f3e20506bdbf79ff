// Where the state that outlives a request lives: this process's memory by default (one instance,
// nothing to install), or Redis when several instances share it (CONSOLE_REDIS_URL): sessions,
// the value-read allowance and index, the sign-in and audit-report limits, and the overview's sweeps.
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { hkdfSync } from 'node:crypto';
import type { Dependency } from './health.ts';
import type { SharedSweeps } from './overview.ts';
import { redisSweeps } from './overview-shared.ts';
import { rateLimitStore, redisDependency, type SharedRedis } from './redis.ts';
import { createSealer } from './auth/seal.ts';
import { createSessionStore, type SessionOptions, type SessionStore } from './auth/sessions.ts';
import { redisSessionStore } from './auth/sessions-redis.ts';
import { memoryValueReadIndex, redisValueReadIndex, type ValueReadIndex } from './value-read-index.ts';
import { memoryAllowance, redisAllowance, type ValueReadAllowance } from './value-reads.ts';

export interface Stores {
  sessions(opts: SessionOptions): SessionStore;
  allowance(perMinute: number, clock?: () => number): ValueReadAllowance;
  /** Who read each secret's values; `onError` is told of a read that could not be indexed. */
  valueReads(instance: string, onError: (message: string) => void, clock?: () => number): ValueReadIndex;
  /** Unset: sweeps are kept in this process. */
  sweeps?: SharedSweeps;
  /** Unset: @fastify/rate-limit counts in this process. */
  rateLimitStore?: FastifyRateLimitStoreCtor;
  /** What /readyz checks besides the upstreams. */
  dependency?: Dependency;
  /** The key of compare's fingerprints, the same on every instance (so one value has one
   * fingerprint whichever answers). Unset: CONSOLE_FINGERPRINT_KEY, else random at each start. */
  fingerprintKey?: Buffer;
}

export const memoryStores: Stores = {
  sessions: createSessionStore,
  allowance: memoryAllowance,
  valueReads: (instance, _onError, clock) => memoryValueReadIndex(instance, clock),
};

/** `sessionKeys`: the key that seals session records, then those still accepted for reading. */
export function redisStores(client: SharedRedis, sessionKeys: readonly Buffer[]): Stores {
  const sealer = createSealer(sessionKeys);
  return {
    sessions: (opts) => redisSessionStore(client, sealer, opts),
    allowance: (perMinute) => redisAllowance(client, perMinute),
    valueReads: (instance, onError, clock) => redisValueReadIndex(client, instance, onError, clock),
    sweeps: redisSweeps(client),
    rateLimitStore: rateLimitStore(client),
    dependency: redisDependency(client),
    // Derived, not the session key itself: a fingerprint never helps open a session record.
    fingerprintKey: Buffer.from(hkdfSync('sha256', sessionKeys[0]!, '', 'csms-console value fingerprint', 32)),
  };
}
