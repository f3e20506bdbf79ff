// The settings of a console that runs as one of several instances: the Redis they share, the key
// that seals the session records kept there, and the name each instance gives its audit lines.
import { hostname } from 'node:os';
import { z } from 'zod';
import { readEnv } from '../shared/read-env.ts';

export interface SharedConfig {
  /** What this instance's audit lines name it: CONSOLE_INSTANCE, else the host name (a container's id). */
  instance: string;
  /** Unset: sessions, limits and caches live in this process. */
  redis?: {
    url: string;
    /** The key that seals new session records, then those still accepted for reading. */
    sessionKeys: [Buffer, ...Buffer[]];
  };
}

/** 32 bytes, as 64 hex characters or base64. */
const key32 = z.string().transform((text, ctx) => {
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (bytes.length !== 32)
    ctx.addIssue({ code: 'custom', message: 'must be 32 bytes: 64 hex characters or base64 (openssl rand -hex 32)' });
  return bytes;
});

const envSchema = z.object({
  CONSOLE_INSTANCE: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 . _ -')
    .optional(),
  CONSOLE_REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  CONSOLE_SESSION_KEY: key32.optional(),
  CONSOLE_SESSION_KEY_PREVIOUS: key32.optional(),
});

export function sharedConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SharedConfig {
  const e = readEnv(envSchema, env);
  const instance = e.CONSOLE_INSTANCE ?? hostname().slice(0, 64);
  if (!e.CONSOLE_REDIS_URL) return { instance };
  // Session records hold IAM tokens: in a store other processes can read, they are sealed.
  if (!e.CONSOLE_SESSION_KEY)
    throw new Error(
      'CONSOLE_REDIS_URL needs CONSOLE_SESSION_KEY: 32 random bytes (openssl rand -hex 32), the same on every instance, that seal the session records kept in Redis.',
    );
  const previous = e.CONSOLE_SESSION_KEY_PREVIOUS ? [e.CONSOLE_SESSION_KEY_PREVIOUS] : [];
  return { instance, redis: { url: e.CONSOLE_REDIS_URL, sessionKeys: [e.CONSOLE_SESSION_KEY, ...previous] } };
}
