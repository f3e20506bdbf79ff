// Sign-in sessions (CONSOLE_AUTH=iam): the user's IAM tokens stay here, in the server's memory,
// behind a random id that the browser holds in an HttpOnly cookie. Only a hash of the id is kept,
// so the table itself holds no usable cookie. A session ends after `idleMs` without a request,
// `maxAgeMs` after sign-in, or when its tokens expire, whichever comes first. A restart ends
// every session.
import { parse, serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { Project } from '../csms/console-api.ts';

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

export type SessionLookup = { session: Session } | { ended: 'idle' | 'expired'; who: string } | { ended: 'none' };

/** The earliest token expiry, less a minute, so no call is made with a token about to lapse. */
const TOKEN_MARGIN_MS = 60_000;

export function createSessionStore(opts: { idleMs: number; maxAgeMs: number; perUser: number; clock?: () => number }) {
  const clock = opts.clock ?? Date.now;
  const sessions = new Map<string, Session>();
  const key = (id: string) => createHash('sha256').update(id).digest('base64url');
  const endedWhy = (s: Session, now: number) =>
    now >= s.expiresAt ? ('expired' as const) : now - s.lastSeenAt >= opts.idleMs ? ('idle' as const) : null;

  // Ended sessions are dropped as they are met, and by a sweep so idle ones do not pile up.
  const sweep = setInterval(() => {
    const now = clock();
    for (const [k, s] of sessions) if (endedWhy(s, now)) sessions.delete(k);
  }, 60_000);
  sweep.unref();

  return {
    /**
     * Starts a session; returns the id for the cookie and the user's sessions it ended to stay
     * within `perUser` (the oldest first), for the audit.
     */
    create(init: Omit<Session, 'expiresAt' | 'lastSeenAt' | 'createdAt'> & { tokensExpireAt: number }) {
      const now = clock();
      const id = randomBytes(32).toString('base64url');
      const { tokensExpireAt, ...rest } = init;
      const expiresAt = Math.min(now + opts.maxAgeMs, tokensExpireAt - TOKEN_MARGIN_MS);
      const mine = [...sessions].filter(([, s]) => s.who === init.who).sort(([, a], [, b]) => a.createdAt - b.createdAt);
      const ended = mine.slice(0, Math.max(0, mine.length - opts.perUser + 1));
      for (const [k] of ended) sessions.delete(k);
      sessions.set(key(id), { ...rest, createdAt: now, expiresAt, lastSeenAt: now });
      return { id, ended: ended.length };
    },
    /** The live session of a cookie value (its idle clock restarted), or why there is none. */
    get(id: string | undefined): SessionLookup {
      if (!id) return { ended: 'none' };
      const session = sessions.get(key(id));
      if (!session) return { ended: 'none' };
      const now = clock();
      const why = endedWhy(session, now);
      if (why) {
        sessions.delete(key(id));
        return { ended: why, who: session.who };
      }
      session.lastSeenAt = now;
      return { session };
    },
    end(id: string | undefined) {
      if (id) sessions.delete(key(id));
    },
    get size() {
      return sessions.size;
    },
    close: () => clearInterval(sweep),
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
