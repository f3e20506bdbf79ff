// The security headers (a strict CSP with Trusted Types, no-store, no-referrer, nosniff, COOP,
// CORP, a Permissions-Policy, no framing), on every response the server sends, errors included.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { CONSOLE_ERRORS } from '../shared/error-codes.ts';

/** The policy of every answer; `frameAncestors` lets named origins frame a page (the overview). */
export const contentSecurityPolicy = (frameAncestors = "'none'") =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A page the origins of CONSOLE_FRAME_ANCESTORS may frame (a dashboard embedding the overview). */
    embeddable?: boolean;
  }
}

const FIXED_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=(), clipboard-read=(self), clipboard-write=(self)',
};

/** Sets the headers every answer carries. */
export function secureReply(req: FastifyRequest, reply: FastifyReply, frameAncestors: string[] = []) {
  reply.headers(FIXED_HEADERS);
  if (frameAncestors.length > 0 && req.routeOptions.config.embeddable) {
    reply.header('Content-Security-Policy', contentSecurityPolicy(frameAncestors.join(' ')));
    reply.removeHeader('X-Frame-Options');
  }
  // The upstream's request id when one was relayed, else this server's: the one in its log.
  if (!reply.hasHeader('x-request-id')) reply.header('X-Request-Id', req.id);
  // Hashed build assets never change; everything else (index.html, /api) is never stored.
  const immutable = reply.statusCode === 200 && req.url.startsWith('/assets/');
  reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-store');
  reply.removeHeader('X-Powered-By');
  return reply;
}

export function registerSecurityHeaders(app: FastifyInstance, frameAncestors: string[]) {
  // A callback, not an async function: no promise on every answer.
  app.addHook('onSend', (req, reply, payload, done) => {
    secureReply(req, reply, frameAncestors);
    done(null, payload);
  });
}

/**
 * Answers a request the HTTP parser refused before any route (headers too large: 431; anything
 * malformed: 400) with the same headers and the CSMS body, written straight to the socket.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({
    error_code: status === 431 ? CONSOLE_ERRORS.headersTooLarge : CONSOLE_ERRORS.badRequest,
    error_msg: status === 431 ? 'The request headers are too large.' : 'The request could not be read.',
  });
  const headers = {
    ...FIXED_HEADERS,
    'Cache-Control': 'no-store',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  socket.end([`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, ...head, '', body].join('\r\n'));
}
