// The console server: the host allowlist before anything else, security headers and a request id
// on every answer (framework and connection errors included), the API, the built app, probes, and
// the CSMS error body for everything that fails.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { APP_PAGES, EMBEDDABLE_PAGES } from '../shared/app-pages.ts';
import { API_PREFIX } from '../shared/console-paths.ts';
import { CONSOLE_ERRORS } from '../shared/error-codes.ts';
import type { Credentials } from '../shared/signer.ts';
import fastifyRateLimit from '@fastify/rate-limit';
import { consoleHandlers } from './api.ts';
import { createAudit, type Audit, type AuditOptions } from './audit.ts';
import { createCsmsReader } from './csms-reader.ts';
import type { ServerConfig } from './config.ts';
import { serveEndpoints, singleHeaders } from './endpoints.ts';
import { sendError } from './errors.ts';
import { registerHealth, type Dependency } from './health.ts';
import { hostAllowlist } from './host-allowlist.ts';
import { createIdentify, keyPairIdentity, keyPairReader, requireProxiedRequest } from './auth/identity.ts';
import { signInLimits } from './auth/sign-in.ts';
import { createMetrics, registerMetrics } from './metrics.ts';
import { createSweeper } from './overview.ts';
import { createRefusalTally } from './refusal-tally.ts';
import type { ProjectSource } from './projects.ts';
import type { Routing } from './routing.ts';
import { answerClientError, registerSecurityHeaders, secureReply } from './security-headers.ts';
import { drainOnClose } from './shutdown.ts';
import { startTokenGuard, type StartTokens } from './auth/start-token.ts';
import { memoryStores, type Stores } from './stores.ts';
import { createUpstreamPool } from './upstream.ts';
import { rateLimitedMessage, valueReadTaker } from './value-reads.ts';

export interface ConsoleServerDeps {
  routing: Routing;
  /** The projects read with the server's key pair (signed-in users bring their own). */
  projects: ProjectSource;
  /** The key pair that signs every call; absent with CONSOLE_AUTH=iam (users' own tokens). */
  credentials?: Credentials;
  /** What /readyz checks. */
  dependencies?: Dependency[];
  /** A one-time token that must open the console first (server credentials, nobody signs in). */
  startTokens?: StartTokens;
  clock?: () => number;
  /** Where sessions, limits and caches live; unset: this process's memory. */
  stores?: Stores;
  /** What this instance's audit lines call it; unset: the host name. */
  instance?: string;
  /** Where the audit's digests are copied (the process log), and what it found at start. */
  auditReport?: AuditOptions['report'];
  /** Where the request log goes (a test reads it); unset: stdout. */
  logStream?: { write(line: string): void };
  /** The request log's level; unset: LOG_LEVEL, else warn. */
  logLevel?: string;
}

/** A request as the log records it: the path without its query, which may hold the start token. */
const loggedRequest = (req: FastifyRequest) => ({
  method: req.method,
  url: req.url.replace(/\?.*$/s, (query) => (query ? '?…' : '')),
  host: req.host,
  remoteAddress: req.ip,
});

export function buildConsoleServer(config: ServerConfig, deps: ConsoleServerDeps): FastifyInstance {
  const app = Fastify({
    logger: {
      level: deps.logLevel ?? process.env.LOG_LEVEL ?? 'warn',
      stream: deps.logStream,
      serializers: { req: loggedRequest },
      redact: ['req.headers.authorization', 'req.headers["x-auth-token"]', 'req.headers.cookie', 'req.headers["x-console-proxy-secret"]'],
    },
    genReqId: () => randomUUID().replaceAll('-', ''),
    // X-Forwarded-For is believed from the configured proxies only.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    exposeHeadRoutes: false,
    bodyLimit: 16 * 1024,
    requestTimeout: config.timeoutMs + 5_000,
    // While stopping, a request on a connection already open is still served (a rolling restart
    // loses none); new connections are refused, and /readyz says so.
    return503OnClosing: false,
    // A URL the router cannot read (bad percent-encoding, a part too long): the CSMS body and
    // every header (these answers skip the hooks), never the URL echoed.
    frameworkErrors: (error, req, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : error.code === 'FST_ERR_BAD_URL' ? 400 : 500;
      return sendError(secureReply(req, reply as FastifyReply), status, CONSOLE_ERRORS.badRequest, 'The address is not valid.');
    },
    // A request the HTTP parser refuses (headers too large, malformed) never reaches a route.
    clientErrorHandler: answerClientError,
  });
  registerSecurityHeaders(app, config.frameAncestors);
  const stores = deps.stores ?? memoryStores;
  registerHealth(app, [...(deps.dependencies ?? []), ...(stores.dependency ? [stores.dependency] : [])], drainOnClose(app));

  const upstreams = createUpstreamPool(config.timeoutMs);
  const auth = config.auth;
  const sessions =
    auth.mode === 'iam'
      ? stores.sessions({
          idleMs: auth.idleMs,
          maxAgeMs: auth.maxAgeMs,
          perUser: auth.sessionsPerUser,
          valueReadsPerMinute: config.valueReadsPerMinute,
          clock: deps.clock,
        })
      : undefined;
  app.addHook('onClose', async () => {
    sessions?.close();
    await upstreams.close();
  });
  const metrics = config.metricsToken
    ? createMetrics({
        sessionsOpen: async () => (await sessions?.count()) ?? 0,
        tagKeys: config.metricsTagLabels,
        publicUrl: config.publicUrl,
        clock: deps.clock,
      })
    : undefined;
  const read = createCsmsReader({
    routing: deps.routing,
    upstreams,
    observe: metrics && ((operation, status, seconds) => metrics.upstreamSeconds.observe({ operation, status }, seconds)),
  });
  const sweeper = createSweeper({
    read,
    shared: stores.sweeps,
    clock: deps.clock,
    // The tags exported as labels are read only when there are metrics to label.
    tagKeys: config.metricsToken ? config.metricsTagLabels : [],
  });
  const instance = deps.instance ?? hostname();
  const writeAudit = createAudit(config.auditLog, instance, {
    signingKey: config.auditSigningKey,
    digestIntervalS: config.auditDigestIntervalS,
    report: deps.auditReport,
  });
  if (writeAudit.startGap) metrics?.observeAudit(writeAudit.startGap);
  // Last, once every request in flight is answered: its lines are on disk when the process ends.
  app.addHook('onClose', async () => writeAudit.close());
  const valueReads = stores.valueReads(instance, (message) => app.log.warn(message), deps.clock);
  // The line first: when it cannot be written, the read is refused and nothing else counts it.
  const audit: Audit = (event) => {
    writeAudit(event);
    metrics?.observeAudit(event);
    valueReads.observe(event);
  };
  if (metrics) {
    registerMetrics(app, metrics, config.metricsToken!);
    // With a key pair of its own, the console watches each project's health for the gauges.
    if (deps.credentials && auth.mode !== 'iam') {
      const credentials = deps.credentials;
      // Named as the key pair's own readers are: their overview and the metrics share one sweep.
      const who = keyPairReader(credentials);
      const stop = metrics.watchHealth(sweeper, () => keyPairIdentity(credentials, deps.projects.list(), who, 'metrics'));
      app.addHook('onClose', async () => stop());
    }
  }
  const allowance = stores.allowance(config.valueReadsPerMinute, deps.clock);
  const fingerprintKey = config.fingerprintKey ? Buffer.from(config.fingerprintKey) : (stores.fingerprintKey ?? randomBytes(32));
  const tally = createRefusalTally(audit, metrics && (() => metrics.refusedAttempts.inc()));
  // Before the audit log closes (registered after it: onClose runs last-registered first).
  app.addHook('onClose', async () => tally.close());

  // Only the routes that opt in are limited here (audit reports; value reads and sign-ins count
  // against their own allowances); 429 with Retry-After.
  app.register(fastifyRateLimit, {
    global: false,
    store: stores.rateLimitStore,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error_code: CONSOLE_ERRORS.rateLimited,
      error_msg: rateLimitedMessage(context.max, context.ttl),
    }),
  });
  const handlers = consoleHandlers({
    config,
    read,
    sweeper,
    audit,
    valueReads,
    credentials: deps.credentials,
    fingerprintKey,
    sessions,
    signInLimits: signInLimits(stores, config.auth.mode === 'iam' ? config.auth.signInsPerMinute : 0, deps.clock),
  });
  serveEndpoints(app, handlers, {
    // Every request, the app's pages included, in this order.
    gates: [
      singleHeaders,
      hostAllowlist(app, config.host, config.allowedHosts),
      ...(deps.startTokens ? [startTokenGuard(deps.startTokens)] : []),
      ...(config.auth.mode === 'header' ? [requireProxiedRequest(config.auth, config.trustedProxies)] : []),
    ],
    identify: createIdentify({ auth, credentials: deps.credentials, projects: deps.projects, sessions, audit }),
    takeValueReads: valueReadTaker(allowance),
    audit,
    tally,
  });

  const root = resolve(config.staticDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) {
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
    // The app answers its own pages; its router reads the rest of the address.
    for (const [name, page] of Object.entries(APP_PAGES))
      app.get(page, { config: { embeddable: EMBEDDABLE_PAGES.includes(name as keyof typeof APP_PAGES) } }, (_req, reply) =>
        reply.type('text/html').sendFile('index.html'),
      );
  }

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith(`${API_PREFIX}/`)) return sendError(reply, 404, CONSOLE_ERRORS.notFound, 'No API at this address.');
    if (req.method !== 'GET' || path.startsWith('/assets/')) return sendError(reply, 404, CONSOLE_ERRORS.notFound, 'Not found.');
    if (!built) return sendError(reply, 503, CONSOLE_ERRORS.internal, 'The app is not built yet: run `npm run build`.');
    // Any other address: the app, which shows its not-found page, with the status that says so.
    return reply.code(404).type('text/html').sendFile('index.html');
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
