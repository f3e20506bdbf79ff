// With server credentials and nobody signing in (a CSMS endpoint, CONSOLE_AUTH=none), whoever
// reaches the console reads with the server's key. Loopback is not enough: every local user, and
// every page any browser on the machine loads, can reach 127.0.0.1. So `npm start` prints a link
// with a one-time token (as Jupyter does): opening it sets an HttpOnly, SameSite=Strict cookie for
// this start, and every request without that cookie gets 401.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse, serialize } from 'cookie';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CONSOLE_ERRORS } from '../csms/error-codes.ts';
import { sendError } from './errors.ts';

export const START_COOKIE = '__Host-csms-start';
const TOKEN_PARAM = 'token';

export const newStartToken = () => randomBytes(24).toString('base64url');

export function startTokenGuard(token: string) {
  const cookie = Buffer.from(randomBytes(32).toString('base64url'));
  let redeemed = false;
  const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.routeOptions.config.probe) return;
    const given = parse(req.headers.cookie ?? '')[START_COOKIE];
    if (given && sameBytes(Buffer.from(given), cookie)) return;
    const url = new URL(req.url, 'http://console.invalid');
    const offered = url.searchParams.get(TOKEN_PARAM);
    if (req.method === 'GET' && offered && !redeemed && sameBytes(Buffer.from(offered), Buffer.from(token))) {
      // Single use: the link in the terminal's scrollback or a browser history opens nothing.
      redeemed = true;
      url.searchParams.delete(TOKEN_PARAM);
      return (
        reply
          .header('Set-Cookie', serialize(START_COOKIE, cookie.toString(), { path: '/', httpOnly: true, secure: true, sameSite: 'strict' }))
          // One leading slash: `//host` would send the browser to another site.
          .redirect(`/${url.pathname.replace(/^\/+/, '')}${url.search}`, 303)
      );
    }
    return sendError(
      reply,
      401,
      CONSOLE_ERRORS.unauthenticated,
      redeemed
        ? 'Open the console in the browser where you opened the link printed at start (the link works once), or restart the console for a new one.'
        : 'Open the link the console printed at start: it holds a one-time token.',
    );
  };
}
