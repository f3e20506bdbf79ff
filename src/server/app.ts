// The console server: security headers on every answer, the API, the built app, and the CSMS
// error body for everything that fails.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_PREFIX } from '../csms/console-paths.ts';
import { CONSOLE_ERRORS } from '../csms/error-codes.ts';
import type { Credentials } from '../csms/signer.ts';
import { consoleApi } from './api.ts';
import { createAudit } from './audit.ts';
import type { ServerConfig } from './config.ts';
import { sendError } from './errors.ts';
import { requireProxiedRequest } from './identity.ts';
import type { ProjectSource } from './projects.ts';
import type { Routing } from './routing.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { createSessionStore } from './sessions.ts';
import { createUpstreamPool } from './upstream.ts';

export interface ConsoleServerDeps {
  routing: Routing;
  /** The projects read with the server's key pair (signed-in users bring their own). */
  projects: ProjectSource;
  /** The key pair that signs every call; absent with CONSOLE_AUTH=iam (users' own tokens). */
  credentials?: Credentials;
  clock?: () => number;
}

export function buildConsoleServer(config: ServerConfig, deps: ConsoleServerDeps): FastifyInstance {
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
  registerSecurityHeaders(app);
  if (config.auth.mode === 'header') app.addHook('onRequest', requireProxiedRequest(config.auth));

  const upstreams = createUpstreamPool(config.timeoutMs);
  const auth = config.auth;
  const sessions =
    auth.mode === 'iam' ? createSessionStore({ idleMs: auth.idleMs, maxAgeMs: auth.maxAgeMs, clock: deps.clock }) : undefined;
  app.addHook('onClose', async () => {
    sessions?.close();
    await upstreams.close();
  });
  app.register(consoleApi, {
    config,
    routing: deps.routing,
    projects: deps.projects,
    upstreams,
    audit: createAudit(config.auditLog),
    credentials: deps.credentials,
    sessions,
  });

  const root = resolve(config.staticDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built)
    app.register(fastifyStatic, {
      root,
      wildcard: false,
      cacheControl: false,
      etag: true,
      index: false,
      // The build's brotli/gzip copies, chosen by Accept-Encoding: a shared cache must know that.
      preCompressed: true,
      setHeaders: (res) => res.setHeader('Vary', 'Accept-Encoding'),
    });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith(`${API_PREFIX}/`)) return sendError(reply, 404, CONSOLE_ERRORS.notFound, `No API at ${path}.`);
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
