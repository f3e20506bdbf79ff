// GET /api/v1/{project_id}/secrets/... → the same CSMS path upstream. Exactly the five read
// operations pass; every path parameter and query value is checked before any upstream call.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_ERRORS, CSMS_ERRORS, isNotFound } from '../csms/error-codes.ts';
import { LIMITS, NAME_PATTERN, PROJECT_ID_PATTERN, VERSION_ID_PATTERN, VERSION_REF_PATTERN } from '../csms/patterns.ts';
import { parseErrorBody } from '../csms/schemas.ts';
import type { Audit } from './audit.ts';
import { sendError } from './errors.ts';
import type { Reader, Routing } from './routing.ts';
import { UpstreamFailure, type UpstreamClient } from './upstream.ts';

type QueryRule = (value: string) => boolean;
const pageLimit: QueryRule = (v) => /^[0-9]{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= LIMITS.pageSizeMax;

/** The five read operations: path suffix under /v1/{project_id}/secrets, and the query each takes. */
const OPERATIONS: { route: string; query: Record<string, QueryRule> }[] = [
  { route: '', query: { limit: pageLimit, marker: (v) => NAME_PATTERN.test(v), event_name: (v) => NAME_PATTERN.test(v) } },
  { route: '/:secret_name', query: {} },
  { route: '/:secret_name/versions', query: { limit: pageLimit, marker: (v) => VERSION_ID_PATTERN.test(v) } },
  { route: '/:secret_name/versions/:version_id', query: {} },
  { route: '/:secret_name/stages/:stage_name', query: {} },
];

const PARAM_RULES: Record<string, { pattern: RegExp; what: string }> = {
  project_id: { pattern: PROJECT_ID_PATTERN, what: 'project id (32 hex characters)' },
  secret_name: { pattern: NAME_PATTERN, what: 'secret name (1-64 letters, digits, "_" or "-")' },
  version_id: { pattern: VERSION_REF_PATTERN, what: 'version id (v1, v2, … or latest)' },
  stage_name: { pattern: NAME_PATTERN, what: 'stage name (1-64 letters, digits, "_" or "-")' },
};

export interface ProxyDeps {
  /** The identity a request reads with. */
  reader: (req: FastifyRequest) => Reader;
  routing: Routing;
  /** The connection pool of an endpoint. */
  client: (endpoint: string) => UpstreamClient;
  /** Sign-in mode: CSMS refused the user's token (401). Ends the session; returns the answer. */
  tokenRefused?: (req: FastifyRequest, reply: FastifyReply) => FastifyReply;
  audit: Audit;
  /** Value reads allowed per client per minute. */
  valueReadsPerMinute: number;
}

export function registerProxy(app: FastifyInstance, deps: ProxyDeps) {
  for (const op of OPERATIONS) {
    const url = `/api/v1/:project_id/secrets${op.route}`;
    // Each value read is audited and may be costly for KMS: they are rate limited per client.
    const rateLimit = op.route.endsWith(':version_id') ? { max: deps.valueReadsPerMinute, timeWindow: 60_000 } : false;
    app.get(url, { config: { rateLimit } }, (req, reply) => forward(req, reply, op, deps));
    app.route({
      method: ['HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
      url,
      handler: (_req, reply) =>
        sendError(reply.header('Allow', 'GET'), 405, CONSOLE_ERRORS.methodNotAllowed, 'The console is read-only: only GET is allowed.'),
    });
  }
}

type Operation = (typeof OPERATIONS)[number];

async function forward(req: FastifyRequest, reply: FastifyReply, op: Operation, deps: ProxyDeps) {
  const params = req.params as Record<string, string>;
  for (const [name, value] of Object.entries(params)) {
    const rule = PARAM_RULES[name]!;
    if (!rule.pattern.test(value)) return sendError(reply, 400, CSMS_ERRORS.invalidParameter, `Invalid ${name}: expected a ${rule.what}.`);
  }
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query as Record<string, unknown>)) {
    // Own keys only: `__proto__` or `constructor` must not find a rule on Object.prototype.
    const rule = Object.hasOwn(op.query, key) ? op.query[key] : undefined;
    if (!rule) return sendError(reply, 400, CSMS_ERRORS.invalidParameter, `Unknown query parameter "${key}".`);
    if (typeof value !== 'string' || !rule(value))
      return sendError(reply, 400, CSMS_ERRORS.invalidParameter, `Invalid value for the query parameter "${key}".`);
    query[key] = value;
  }

  // Rebuilt from checked parts only: the browser cannot choose the host or any other path.
  const path = `/v1/${params.project_id}/secrets${op.route.replace(/:([a-z_]+)/g, (_, name: string) => params[name]!)}`;
  const isValueRead = params.version_id !== undefined;
  const projectId = params.project_id!;
  const reader = deps.reader(req);
  const authorize = reader.authorizeFor(projectId);
  if (!authorize)
    return sendError(
      reply,
      403,
      CONSOLE_ERRORS.forbidden,
      `${reader.who} may not use project ${projectId}: IAM gave this user no token for it. An administrator can grant access in IAM.`,
    );
  const endpoint = deps.routing(projectId, reader.projects);
  if (!endpoint) return sendError(reply, 404, CONSOLE_ERRORS.notFound, `The project ${projectId} is not configured on this console.`);
  try {
    const answer = await deps.client(endpoint).get(path, query, projectId, authorize);
    if (answer.requestId) reply.header('X-Request-Id', answer.requestId);
    if (answer.retryAfter) reply.header('Retry-After', answer.retryAfter);
    if (isValueRead) auditRead(req, reader.who, deps, params, answer.status, answer.requestId);
    if (answer.status === 401 && deps.tokenRefused) return deps.tokenRefused(req, reply);
    return relay(reply, answer.status, answer.body, answer.requestId);
  } catch (error) {
    if (isValueRead) auditRead(req, reader.who, deps, params, 502);
    if (error instanceof UpstreamFailure) {
      const status = error.kind === 'timeout' ? 504 : 502;
      return sendError(reply, status, status === 504 ? CONSOLE_ERRORS.timeout : CONSOLE_ERRORS.badGateway, error.message);
    }
    throw error;
  }
}

/** Passes a JSON answer on as is; an error answer always in the CSMS shape with its request id. */
function relay(reply: FastifyReply, status: number, body: string, requestId?: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const what = status < 400 ? 'an answer that is not JSON' : `HTTP ${status} without a JSON error body`;
    return sendError(reply, 502, CONSOLE_ERRORS.badGateway, `The CSMS endpoint sent ${what}.`, requestId);
  }
  if (status < 400) return reply.code(status).type('application/json').send(body);
  const error = parseErrorBody(parsed);
  if (!error)
    return sendError(
      reply,
      status,
      CONSOLE_ERRORS.badGateway,
      `The CSMS endpoint answered HTTP ${status} with an unrecognised error body.`,
      requestId,
    );
  return sendError(reply, status, error.error_code, error.error_msg, error.request_id ?? requestId);
}

function auditRead(req: FastifyRequest, who: string, deps: ProxyDeps, params: Record<string, string>, status: number, requestId?: string) {
  deps.audit({
    action: 'read',
    who,
    clientIp: req.ip,
    project: params.project_id!,
    secret: params.secret_name!,
    version: params.version_id!,
    outcome:
      status < 300
        ? 'ok'
        : status === 401 || status === 403
          ? 'denied'
          : status === 429
            ? 'rate-limited'
            : isNotFound(status, undefined)
              ? 'not-found'
              : 'error',
    status,
    requestId,
  });
}
