// GET /api/v1/... → the same CSMS path upstream, for exactly the reads of the table of operations.
// Every path parameter and query value is checked before any upstream call, the path is rebuilt
// from the checked parts, and every answer is checked against the operation's schema: only the
// fields the schema knows reach the browser.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_ERRORS, CSMS_ERRORS, isNotFound, parseErrorBody } from '../csms/error-codes.ts';
import { API_PREFIX } from '../csms/console-paths.ts';
import {
  checkParam,
  checkQuery,
  fillPath,
  paramNames,
  READ_OPERATIONS,
  routeOf,
  type ParamName,
  type ReadOperation,
} from '../csms/operations.ts';
import { RESPONSE_SCHEMAS } from '../csms/schemas.ts';
import type { Audit, ValueEvent } from './audit.ts';
import { sendError } from './errors.ts';
import { refuseSignedOut } from './identity.ts';
import type { Routing } from './routing.ts';
import { UpstreamFailure, type UpstreamPool } from './upstream.ts';

export interface ProxyOptions {
  routing: Routing;
  upstreams: UpstreamPool;
  audit: Audit;
  /** Value reads allowed per person per minute. */
  valueReadsPerMinute: number;
}

/** The one read that returns a value: audited, and rate limited. */
const VALUE_READ: ReadOperation = 'ShowSecretVersion';

type Params = Record<string, string | undefined>;

export function registerProxy(app: FastifyInstance, opts: ProxyOptions) {
  const auditRead = (req: FastifyRequest<{ Params: Params }>, outcome: ValueEvent['outcome'], status?: number, requestId?: string) =>
    opts.audit({
      action: 'read',
      who: req.identity.who,
      clientIp: req.ip,
      project: req.params.project_id ?? '',
      secret: req.params.secret_name ?? '',
      version: req.params.version_id ?? '',
      outcome,
      status,
      requestId,
    });

  for (const operation of READ_OPERATIONS) {
    const url = routeOf(operation, API_PREFIX);
    const isValueRead = operation === VALUE_READ;
    // Each value read is audited and may be costly for KMS: they are rate limited per person.
    const rateLimit = isValueRead
      ? {
          max: opts.valueReadsPerMinute,
          timeWindow: 60_000,
          onExceeded: (req: FastifyRequest) => auditRead(req as FastifyRequest<{ Params: Params }>, 'rate-limited', 429),
        }
      : false;
    app.get<{ Params: Params; Querystring: Record<string, unknown> }>(url, { config: { rateLimit } }, async (req, reply) => {
      const result = await forward(operation, req, reply, opts);
      if (isValueRead) auditRead(req, result.outcome, result.status, result.requestId);
      return reply;
    });
    app.route({
      method: ['HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
      url,
      handler: (_req, reply) =>
        sendError(reply.header('Allow', 'GET'), 405, CONSOLE_ERRORS.methodNotAllowed, 'The console is read-only: only GET is allowed.'),
    });
  }
}

type Forwarded = { outcome: ValueEvent['outcome']; status: number; requestId?: string };

/** Forwards one read and sends the answer (or the refusal); says how it went, for the audit. */
async function forward(
  operation: ReadOperation,
  req: FastifyRequest<{ Params: Params; Querystring: Record<string, unknown> }>,
  reply: FastifyReply,
  opts: ProxyOptions,
): Promise<Forwarded> {
  const refuse = (status: number, code: string, message: string): Forwarded => {
    sendError(reply, status, code, message);
    return { outcome: status === 400 ? 'invalid' : status === 404 ? 'not-found' : 'denied', status };
  };
  const params: Partial<Record<ParamName, string>> = {};
  for (const name of paramNames(operation)) {
    const problem = checkParam(name, req.params[name]);
    if (problem) return refuse(400, CSMS_ERRORS.invalidParameter, problem);
    params[name] = req.params[name]!;
  }
  const checked = checkQuery(operation, req.query);
  if ('problem' in checked) return refuse(400, CSMS_ERRORS.invalidParameter, checked.problem);

  const projectId = params.project_id!;
  const identity = req.identity;
  const authorize = identity.authorizeFor(projectId);
  if (!authorize)
    return refuse(
      403,
      CONSOLE_ERRORS.forbidden,
      `${identity.who} may not use project ${projectId}: IAM gave this user no token for it. An administrator can grant access in IAM.`,
    );
  const endpoint = opts.routing(projectId, identity.projects);
  if (!endpoint) return refuse(404, CONSOLE_ERRORS.notFound, `The project ${projectId} is not configured on this console.`);

  let answer;
  try {
    // Rebuilt from checked parts only: the browser cannot choose the host or any other path.
    answer = await opts.upstreams.for(endpoint).get(fillPath(operation, params), checked.query, authorize);
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error;
    const status = error.kind === 'timeout' ? 504 : 502;
    sendError(reply, status, status === 504 ? CONSOLE_ERRORS.timeout : CONSOLE_ERRORS.badGateway, error.message);
    return { outcome: 'error', status };
  }
  const { status, requestId } = answer;
  if (requestId) reply.header('X-Request-Id', requestId);
  if (answer.retryAfter) reply.header('Retry-After', answer.retryAfter);
  const outcome = outcomeOf(status);
  if (status === 401 && identity.session) {
    identity.session.end('token-refused');
    refuseSignedOut(reply, 'IAM no longer accepts your token (it expired or was revoked). Sign in again.');
    return { outcome, status, requestId };
  }
  relay(operation, reply, status, answer.body, requestId);
  return { outcome, status: reply.statusCode, requestId };
}

const outcomeOf = (status: number): ValueEvent['outcome'] =>
  status < 300
    ? 'ok'
    : status === 401 || status === 403
      ? 'denied'
      : status === 429
        ? 'rate-limited'
        : isNotFound(status, undefined)
          ? 'not-found'
          : 'error';

/** Passes an answer on: a success only as its schema allows, an error always in the CSMS shape. */
function relay(operation: ReadOperation, reply: FastifyReply, status: number, body: string, requestId?: string) {
  const badGateway = (what: string) =>
    sendError(reply, 502, CONSOLE_ERRORS.badGateway, `CSMS answered ${operation} with ${what}.`, requestId);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return badGateway(status < 400 ? 'an answer that is not JSON' : `HTTP ${status} without a JSON error body`);
  }
  if (status < 400) {
    const checked = RESPONSE_SCHEMAS[operation].safeParse(parsed);
    if (checked.success) return reply.code(status).type('application/json').send(JSON.stringify(checked.data));
    // Logged without the answer itself, which may hold a value.
    const issue = checked.error.issues[0];
    reply.log.warn({ operation, path: issue?.path.join('.'), problem: issue?.message }, 'upstream answer does not match its schema');
    return badGateway(`an answer that does not match its definition (${issue?.path.join('.') || 'body'}: ${issue?.message})`);
  }
  const error = parseErrorBody(parsed);
  if (!error) return badGateway(`HTTP ${status} and an unrecognised error body`);
  return sendError(reply, status, error.error_code, error.error_msg, error.request_id ?? requestId);
}
