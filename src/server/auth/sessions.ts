// Sign-in sessions (CONSOLE_AUTH=iam): the user's IAM tokens stay on the server, behind a random
// id that the browser holds in an HttpOnly cookie. Only a hash of the id is kept, so the store
// itself holds no usable cookie. A session ends after `idleMs` without a request, `maxAgeMs` after
// sign-in, or when its tokens expire, whichever comes first. Two stores: this process's memory
// (the default; a restart ends every session) and Redis, shared by several instances
// (sessions-redis.ts).
import { parse, serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { Project } from '../../shared/console-api.ts';

/** `__Host-`: the browser accepts it only from a secure origin, for this host, on path `/`. */
export const SESSION_COOKIE = '__Host-csms-session';
const COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' } as const;

export const sessionCookie = (req: FastifyRequest) => parse(req.headers.cookie ?? '')[SESSION_COOKIE];
/** A browser-session cookie (no Max-Age): it goes when the browser closes; the server ends the
 * session sooner by its own clocks. */
export const setSessionCookie = (reply: FastifyReply, id: string) =>
  reply.header('Set-Cookie', serialize(SESSION_COOKIE, id, COOKIE_OPTIONS));
export const clearSessionCookie = (reply: FastifyReply) =>
  reply.header('Set-Cookie', serialize(SESSION_COOKIE, '', { ...COOKIE_OPTIONS, maxAge: 0 }));

export interface Session {
  user: string;
  domain: string;
  /** What the audit log names. */
  who: string;
  projects: Project[];
  /** Project id → that project's IAM token. */
  tokens: Map<string, string>;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export type NewSession = Omit<Session, 'expiresAt' | 'lastSeenAt' | 'createdAt'> & { tokensExpireAt: number };
export type SessionLookup =
  /** `valueReadsWait`: set when the store took the request's value reads with the lookup (one
   * round trip to Redis): null if allowed, else how long (ms) until the window ends. */
  { session: Session; valueReadsWait?: number | null } | { ended: 'idle' | 'expired'; who: string } | { ended: 'none' };

export interface SessionOptions {
  idleMs: number;
  maxAgeMs: number;
  /** Sessions a user may hold at once; a further sign-in ends the oldest. */
  perUser: number;
  /** The value-read allowance a minute, for a store that takes a request's reads with its lookup. */
  valueReadsPerMinute?: number;
  clock?: () => number;
}

export interface SessionStore {
  /** Starts a session; returns the id for the cookie and how many of the user's sessions it ended
   * to stay within `perUser` (the oldest first), for the audit. */
  create(init: NewSession): Promise<{ id: string; ended: number }>;
  /** The live session of a cookie value (its idle clock restarted), or why there is none.
   * `valueReads`: what the request takes from the person's allowance once identified; a store may
   * take them with the lookup (`valueReadsWait`), else the endpoint gates take them. */
  get(id: string | undefined, valueReads?: number): Promise<SessionLookup>;
  end(id: string | undefined): Promise<void>;
  /** Sessions open now. */
  count(): Promise<number>;
  close(): void;
}

/** The earliest token expiry, less a minute, so no call is made with a token about to lapse. */
const TOKEN_MARGIN_MS = 60_000;

/** A fresh 256-bit cookie value, and the session as it starts. */
export function startSession(init: NewSession, now: number, maxAgeMs: number) {
  const { tokensExpireAt, ...rest } = init;
  const session: Session = {
    ...rest,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: Math.min(now + maxAgeMs, tokensExpireAt - TOKEN_MARGIN_MS),
  };
  return { id: randomBytes(32).toString('base64url'), session };
}

/** What the store keeps instead of the cookie value. */
export const sessionKey = (id: string) => createHash('sha256').update(id).digest('base64url');

export function createSessionStore(opts: SessionOptions): SessionStore {
  const clock = opts.clock ?? Date.now;
  const sessions = new Map<string, Session>();
  const endedWhy = (s: Session, now: number) =>
    now >= s.expiresAt ? ('expired' as const) : now - s.lastSeenAt >= opts.idleMs ? ('idle' as const) : null;

  // Ended sessions are dropped as they are met, and by a sweep so idle ones do not pile up.
  const sweep = setInterval(() => {
    const now = clock();
    for (const [k, s] of sessions) if (endedWhy(s, now)) sessions.delete(k);
  }, 60_000);
  sweep.unref();

  return {
    async create(init) {
      const { id, session } = startSession(init, clock(), opts.maxAgeMs);
      const mine = [...sessions].filter(([, s]) => s.who === init.who).sort(([, a], [, b]) => a.createdAt - b.createdAt);
      const ended = mine.slice(0, Math.max(0, mine.length - opts.perUser + 1));
      for (const [k] of ended) sessions.delete(k);
      sessions.set(sessionKey(id), session);
      return { id, ended: ended.length };
    },
    async get(id) {
      if (!id) return { ended: 'none' };
      const session = sessions.get(sessionKey(id));
      if (!session) return { ended: 'none' };
      const now = clock();
      const why = endedWhy(session, now);
      if (why) {
        sessions.delete(sessionKey(id));
        return { ended: why, who: session.who };
      }
      session.lastSeenAt = now;
      return { session };
    },
    async end(id) {
      if (id) sessions.delete(sessionKey(id));
    },
    count: async () => sessions.size,
    close: () => clearInterval(sweep),
  };
}
