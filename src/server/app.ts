// The console server: static app, security headers, the config endpoint and the read-only proxy.
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONSOLE_ERRORS } from '../csms/error-codes.ts';
import { createAudit } from './audit.ts';
import { registerAuditRoute } from './audit-route.ts';
import type { Credentials, ServerConfig } from './config.ts';
import { createIamClient } from './iam-client.ts';
import { sendError } from './errors.ts';
import { registerProxy } from './proxy.ts';
import { credentialsReader, sessionReader, type Reader, type Routing } from './routing.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { createSessionStore, type Session } from './sessions.ts';
import { claimedUser, clearSessionCookie, registerSignIn, sessionCookie } from './sign-in.ts';
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

declare module 'fastify' {
  interface FastifyRequest {
    /** CONSOLE_AUTH=iam: the signed-in user's session (set for every /api/ call but sign-in). */
    consoleSession: Session | null;
  }
}

export interface ConsoleServerDeps {
  routing: Routing;
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
  app.decorateRequest('consoleSession', null);
  // One connection pool per CSMS endpoint.
  const clients = new Map<string, UpstreamClient>();
  const clientFor = (endpoint: string) => {
    if (!clients.has(endpoint)) clients.set(endpoint, createUpstreamClient(endpoint, config.timeoutMs));
    return clients.get(endpoint)!;
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

  const audit = createAudit(config.auditLog);
  const iam = auth.mode === 'iam' ? auth : undefined;
  const sessions = iam && createSessionStore({ idleMs: iam.idleMs, maxAgeMs: iam.maxAgeMs, clock: deps.clock });
  if (sessions && iam) {
    app.addHook('onClose', async () => sessions.close());
    const idleMinutes = Math.round(iam.idleMs / 60_000);
    const why = {
      none: 'Sign in to use the console.',
      idle: `Your session ended after ${idleMinutes} minutes without activity. Sign in again.`,
      expired: 'Your session has reached its time limit. Sign in again.',
    };
    // Every API call but sign-in and sign-out needs a live session.
    app.addHook('onRequest', async (req, reply) => {
      if (!req.url.startsWith('/api/') || req.url.split('?')[0] === '/api/session') return;
      const found = sessions.get(sessionCookie(req));
      if ('session' in found) {
        req.consoleSession = found.session;
        return;
      }
      if (found.ended !== 'none') audit({ action: 'end', who: found.who, clientIp: req.ip, outcome: found.ended });
      return sendError(clearSessionCookie(reply), 401, CONSOLE_ERRORS.unauthenticated, why[found.ended]);
    });
  }

  /** The identity a request reads with: the signed-in user, or the server's key pair. */
  const readerOf = (req: FastifyRequest): Reader => {
    if (req.consoleSession) return sessionReader(req.consoleSession);
    const headerUser = auth.mode === 'header' ? `user:${String(req.headers[auth.header])}` : undefined;
    return credentialsReader(deps.credentials!, config.projects, headerUser);
  };

  app.get('/api/config', async (req) => {
    const reader = readerOf(req);
    const session = req.consoleSession;
    return {
      mode: config.mode,
      auth: auth.mode,
      user: session && { name: session.user, domain: session.domain, expires_at: session.expiresAt },
      projects: reader.projects,
      default_project_id: reader.projects[0]?.id ?? null,
    };
  });

  // Only the routes that opt in are limited (value reads, audit reports, sign-ins); 429 with
  // Retry-After. A refused value read or sign-in is still audited.
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
          who: readerOf(req).who,
          clientIp: req.ip,
          project: p.project_id,
          secret: p.secret_name,
          version: p.version_id,
          outcome: 'rate-limited',
          status: 429,
        });
      if (req.routeOptions.url === '/api/session' && req.method === 'POST') {
        audit({ action: 'sign-in', who: claimedUser(req.body), clientIp: req.ip, outcome: 'rate-limited' });
      }
    },
  });
  app.register(async (scope) => {
    registerProxy(scope, {
      reader: readerOf,
      routing: deps.routing,
      client: clientFor,
      audit,
      valueReadsPerMinute: config.valueReadsPerMinute,
      tokenRefused:
        sessions &&
        ((req, reply) => {
          sessions.end(sessionCookie(req));
          audit({ action: 'end', who: readerOf(req).who, clientIp: req.ip, outcome: 'token-refused' });
          return sendError(
            clearSessionCookie(reply),
            401,
            CONSOLE_ERRORS.unauthenticated,
            'IAM no longer accepts your token (it expired or was revoked). Sign in again.',
          );
        }),
    });
    registerAuditRoute(scope, { audit, who: (req) => readerOf(req).who });
    if (sessions && iam)
      registerSignIn(scope, {
        sessions,
        iam: createIamClient(config.iamEndpoint, config.timeoutMs),
        regions: config.mode === 'emulator' ? null : config.regions.map((r) => r.name),
        audit,
        signInsPerMinute: iam.signInsPerMinute,
      });
  });

  const root = resolve(config.staticDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) app.register(fastifyStatic, { root, wildcard: false, cacheControl: false, etag: true, index: false, preCompressed: true });

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
