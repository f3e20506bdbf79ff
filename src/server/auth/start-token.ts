// With server credentials and nobody signing in (a CSMS endpoint, CONSOLE_AUTH=none), whoever
// reaches the console reads with the server's key. Loopback is not enough: every local user, and
// every page any browser on the machine loads, can reach 127.0.0.1. So `npm start` prints a link
// with a one-time token (as Jupyter does): opening it sets an HttpOnly, SameSite=Strict cookie,
// and every request without that cookie gets 401. In this process's memory the cookie is good
// for this start; in Redis the token is single-use across every instance and the cookie is good
// on each of them for a day, restarts included.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse, serialize } from 'cookie';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CONSOLE_ERRORS } from '../../shared/error-codes.ts';
import { refusal } from '../errors.ts';
import { KEY_PREFIX, stored, type SharedRedis } from '../redis.ts';
import { isBrowserNavigation, pageLanguage, startTokenPage } from './start-page.ts';

export const START_COOKIE = '__Host-csms-start';
const TOKEN_PARAM = 'token';
const REDIS_TTL_S = 24 * 3600;

export const newStartToken = () => randomBytes(24).toString('base64url');
const newCookie = () => randomBytes(32).toString('base64url');
const sameBytes = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface StartTokens {
  /** Spends the token (once, wherever it is offered): the cookie to set, or null. */
  redeem(offered: string): Promise<string | null>;
  accepts(cookie: string): Promise<boolean>;
  /** Whether the token was spent (here: the process knows; shared: it says only what it saw). */
  readonly redeemed: boolean;
}

export function memoryStartTokens(token: string): StartTokens {
  const cookie = newCookie();
  let redeemed = false;
  return {
    async redeem(offered) {
      if (redeemed || !sameBytes(offered, token)) return null;
      redeemed = true;
      return cookie;
    },
    accepts: async (given) => sameBytes(given, cookie),
    get redeemed() {
      return redeemed;
    },
  };
}

/** The token and the cookies in Redis, by hash; the token is written before the link is printed. */
export async function redisStartTokens(client: SharedRedis, token: string): Promise<StartTokens> {
  const hash = (text: string) => createHash('sha256').update(text).digest('base64url');
  await stored(client.set(`${KEY_PREFIX}start-token:${hash(token)}`, '1', 'EX', REDIS_TTL_S));
  let redeemed = false;
  return {
    async redeem(offered) {
      if ((await stored(client.getdel(`${KEY_PREFIX}start-token:${hash(offered)}`))) === null) return null;
      redeemed = true;
      const cookie = newCookie();
      await stored(client.set(`${KEY_PREFIX}start-cookie:${hash(cookie)}`, '1', 'EX', REDIS_TTL_S));
      return cookie;
    },
    accepts: async (given) => (await stored(client.exists(`${KEY_PREFIX}start-cookie:${hash(given)}`))) === 1,
    get redeemed() {
      return redeemed;
    },
  };
}

export function startTokenGuard(tokens: StartTokens) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const given = parse(req.headers.cookie ?? '')[START_COOKIE];
    if (given && (await tokens.accepts(given))) return;
    const url = new URL(req.url, 'http://console.invalid');
    const offered = url.searchParams.get(TOKEN_PARAM);
    const cookie = req.method === 'GET' && offered ? await tokens.redeem(offered) : null;
    if (cookie) {
      // Single use: the link in the terminal's scrollback or a browser history opens nothing.
      url.searchParams.delete(TOKEN_PARAM);
      void reply
        .header('Set-Cookie', serialize(START_COOKIE, cookie, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' }))
        // One leading slash: `//host` would send the browser to another site.
        .redirect(`/${url.pathname.replace(/^\/+/, '')}${url.search}`, 303);
      return 'sent' as const;
    }
    // A person opening a pasted link reads what to do; the app's own calls keep the CSMS body.
    if (isBrowserNavigation(req)) {
      void reply
        .code(401)
        .type('text/html; charset=utf-8')
        .send(startTokenPage(pageLanguage(req), tokens.redeemed));
      return 'sent' as const;
    }
    return refusal(
      401,
      CONSOLE_ERRORS.unauthenticated,
      tokens.redeemed
        ? 'Open the console in the browser where you opened the link printed at start (the link works once), or restart the console for a new one.'
        : 'Open the link the console printed at start: it holds a one-time token.',
    );
  };
}
