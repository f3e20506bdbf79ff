// The security headers (a strict CSP with Trusted Types, no-store, no-referrer, nosniff, COOP,
// CORP, a Permissions-Policy, no framing), on every response the server sends, errors included.
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

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

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.headers(FIXED_HEADERS);
    // Hashed build assets never change; everything else (index.html, /api) is never stored.
    const immutable = reply.statusCode === 200 && req.url.startsWith('/assets/');
    reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-store');
    reply.removeHeader('X-Powered-By');
    return payload;
  });
}
