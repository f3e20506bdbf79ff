// The console's API under /api: its own endpoints (config, sign-in, audit reports) and the mirror
// of the CSMS reads. The guards are hooks of this scope, so they run on every route of it, as the
// router matched it, whatever the spelling of the URL.
import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ConsoleConfig } from '../csms/console-api.ts';
import { CONSOLE_PATHS, CONSOLE_REQUEST_HEADER } from '../csms/console-paths.ts';
import { CONSOLE_ERRORS } from '../csms/error-codes.ts';
import type { Credentials } from '../csms/signer.ts';
import type { Audit } from './audit.ts';
import { registerAuditRoute } from './audit-route.ts';
import { registerCompare } from './compare.ts';
import type { ServerConfig } from './config.ts';
import { sendError } from './errors.ts';
import type { CsmsReader } from './csms-reader.ts';
import { createIamClient } from './iam-client.ts';
import { identityPlugin } from './identity.ts';
import { withLabels } from './project-labels.ts';
import type { ProjectSource } from './projects.ts';
import { registerOverview, type Sweeper } from './overview.ts';
import { registerProxy } from './proxy.ts';
import type { SessionStore } from './sessions.ts';
import { registerSignIn } from './sign-in.ts';
import { rateLimitedMessage, type ValueReadAllowance } from './value-reads.ts';

export interface ApiOptions {
  config: ServerConfig;
  projects: ProjectSource;
  read: CsmsReader;
  sweeper: Sweeper;
  audit: Audit;
  allowance: ValueReadAllowance;
  /** The key of compare fingerprints. */
  fingerprintKey: Buffer;
  /** The key pair that signs every call; absent with CONSOLE_AUTH=iam (users' own tokens). */
  credentials?: Credentials;
  /** With CONSOLE_AUTH=iam. */
  sessions?: SessionStore;
  /** Where the limits count, when several instances share them (Redis); unset: this process. */
  rateLimitStore?: FastifyRateLimitStoreCtor;
}

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

const requestHeader = CONSOLE_REQUEST_HEADER.toLowerCase();

export const consoleApi: FastifyPluginAsync<ApiOptions> = async (api, opts) => {
  const { config, audit, sessions } = opts;
  api.addHook('onRequest', async (req: FastifyRequest, reply) => {
    if (req.headers['sec-fetch-site'] === 'cross-site' || !sameHost(req.headers.origin, req.headers.host))
      return sendError(reply, 403, CONSOLE_ERRORS.forbidden, 'Cross-site requests are refused.');
    if (req.headers[requestHeader] !== '1')
      return sendError(reply, 403, CONSOLE_ERRORS.forbidden, `Requests must carry the ${CONSOLE_REQUEST_HEADER} header.`);
  });

  // Only the routes that opt in are limited (audit reports, sign-ins; value reads count against
  // their own allowance); 429 with Retry-After.
  await api.register(fastifyRateLimit, {
    global: false,
    store: opts.rateLimitStore,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error_code: CONSOLE_ERRORS.rateLimited,
      error_msg: rateLimitedMessage(context.max, context.ttl),
    }),
  });

  if (config.auth.mode === 'iam' && sessions)
    registerSignIn(api, {
      sessions,
      iam: createIamClient(config.iamEndpoint, config.timeoutMs),
      regions: config.mode === 'emulator' ? null : config.regions.map((r) => r.name),
      audit,
      signInsPerMinute: config.auth.signInsPerMinute,
    });

  // Everything else acts for someone.
  await api.register(async (scope) => {
    await scope.register(identityPlugin, {
      auth: config.auth,
      credentials: opts.credentials,
      projects: opts.projects,
      sessions,
      audit,
    });
    scope.get(CONSOLE_PATHS.config, async (req): Promise<ConsoleConfig> => {
      const { identity } = req;
      const session = identity.session;
      return {
        mode: config.mode,
        auth: config.auth.mode,
        user: session ? { name: session.user, domain: session.domain, expires_at: session.expiresAt } : null,
        projects: identity.projects.map((p) => withLabels(p, config.projectLabels)),
        default_project_id: identity.projects[0]?.id ?? null,
      };
    });
    registerAuditRoute(scope, audit);
    registerProxy(scope, { read: opts.read, audit, allowance: opts.allowance });
    registerOverview(scope, opts.sweeper);
    registerCompare(scope, { read: opts.read, audit, allowance: opts.allowance, fingerprintKey: opts.fingerprintKey });
  });
};
