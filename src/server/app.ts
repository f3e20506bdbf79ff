// The console server: static app, security headers, the config endpoint and the read-only proxy.
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONSOLE_ERRORS } from '../csms/error-codes.ts';
import { createAudit } from './audit.ts';
import { registerAuditRoute } from './audit-route.ts';
import type { ServerConfig } from './config.ts';
import { sendError } from './errors.ts';
import { registerProxy } from './proxy.ts';
import type { Routing } from './routing.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { createUpstreamClient, type UpstreamClient } from './upstream.ts';

/** A user name as an authenticating proxy sends it: printable ASCII, no CR/LF. */
const USER_NAME = /^[\x21-\x7e][\x20-\x7e]{0,255}$/;

/** The header the app sends on every API call; a cross-site form or image cannot send it. */
export const CONSOLE_REQUEST_HEADER = 'x-console-request';

/** No Origin (a same-origin GET), or one naming this host. The scheme is not compared: behind a
 * TLS-terminating proxy the browser says https while this server sees http. */
function sameHost(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function buildConsoleServer(config: ServerConfig, routing: Routing): FastifyInstance {
  const app = Fastify({
    logger: {
      level: process.env.LOG_LEVEL ?? 'warn',
      redact: ['req.headers.authorization', 'req.headers["x-auth-token"]', 'req.headers.cookie'],
    },
    exposeHeadRoutes: false,
    bodyLimit: 16 * 1024,
    requestTimeout: config.timeoutMs + 5_000,
    return503OnClosing: true,
  });
  // One client (connection pool) per endpoint and key pair.
  const clients = new Map<string, UpstreamClient>();
  const clientFor = (projectId: string) => {
    const upstream = routing.upstreamFor(projectId);
    if (!upstream) return undefined;
    const key = `${upstream.endpoint} ${upstream.accessKey}`;
    if (!clients.has(key)) clients.set(key, createUpstreamClient(upstream, config.timeoutMs));
    return clients.get(key);
  };
  app.addHook('onClose', async () => {
    await Promise.all([...clients.values()].map((c) => c.close()));
  });

  registerSecurityHeaders(app);

  const auth = config.auth;
  if (auth.mode === 'header') {
    // Every request must come through the reverse proxy, which names the signed-in user.
    app.addHook('onRequest', async (req, reply) => {
      const user = req.headers[auth.header];
      if (typeof user !== 'string' || !USER_NAME.test(user))
        return sendError(reply, 401, CONSOLE_ERRORS.unauthenticated, 'Sign in through the reverse proxy in front of this console.');
    });
  }

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    if (req.headers['sec-fetch-site'] === 'cross-site' || !sameHost(req.headers.origin, req.headers.host))
      return sendError(reply, 403, CONSOLE_ERRORS.forbidden, 'Cross-site requests are refused.');
    if (req.headers[CONSOLE_REQUEST_HEADER] !== '1')
      return sendError(reply, 403, CONSOLE_ERRORS.forbidden, `Requests must carry the ${CONSOLE_REQUEST_HEADER} header.`);
  });

  app.get('/api/config', async () => ({
    mode: config.mode,
    projects: config.projects,
    default_project_id: config.projects[0]?.id ?? null,
  }));

  const audit = createAudit(config.auditLog);
  // Behind an authenticating proxy the audit names the person; otherwise the key pair.
  const who = (req: FastifyRequest) => (auth.mode === 'header' ? `user:${String(req.headers[auth.header])}` : routing.who);
  // Only the routes that opt in are limited (value reads, audit reports); 429 with Retry-After.
  // A refused value read is still audited.
  app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error_code: CONSOLE_ERRORS.rateLimited,
      error_msg: `Too many requests of this kind: at most ${context.max} a minute. Retry in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
    onExceeded: (req) => {
      const p = req.params as Record<string, string | undefined>;
      if (p.version_id && p.project_id && p.secret_name)
        audit({
          action: 'read',
          who: who(req),
          clientIp: req.ip,
          project: p.project_id,
          secret: p.secret_name,
          version: p.version_id,
          outcome: 'rate-limited',
          status: 429,
        });
    },
  });
  app.register(async (scope) => {
    registerProxy(scope, { upstream: clientFor, audit, who, valueReadsPerMinute: config.valueReadsPerMinute });
    registerAuditRoute(scope, { audit, who });
  });

  const root = resolve(config.staticDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) app.register(fastifyStatic, { root, wildcard: false, cacheControl: false, etag: true, index: false });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/')) return sendError(reply, 404, CONSOLE_ERRORS.notFound, `No API at ${path}.`);
    if (req.method !== 'GET' || path.startsWith('/assets/')) return sendError(reply, 404, CONSOLE_ERRORS.notFound, 'Not found.');
    if (!built) return sendError(reply, 503, CONSOLE_ERRORS.internal, 'The app is not built yet: run `npm run build`.');
    // The single-page app answers every other path; its router shows its own not-found page.
    return reply.type('text/html').sendFile('index.html');
  });

  app.setErrorHandler((error, req, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const csms = error as { error_code?: unknown; error_msg?: unknown };
    if (typeof csms.error_code === 'string' && typeof csms.error_msg === 'string')
      return sendError(reply, status, csms.error_code, csms.error_msg);
    if (status < 500) return sendError(reply, status, CONSOLE_ERRORS.badRequest, 'The request is invalid.');
    req.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, CONSOLE_ERRORS.internal, 'Internal error in the console server.');
  });

  return app;
}
