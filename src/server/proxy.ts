// GET /api/v1/... → the same CSMS path upstream, for exactly the reads of the table of operations.
// Every path parameter and query value is checked before any upstream call, the path is rebuilt
// from the checked parts, and every answer is checked against the operation's schema: only the
// fields the schema knows reach the browser. Each answer is decided first, then (for a value
// read) audited, then sent: a read that cannot be audited is never sent.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX } from '../csms/console-paths.ts';
import { CONSOLE_ERRORS, CSMS_ERRORS, isNotFound, parseErrorBody } from '../csms/error-codes.ts';
import {
  checkParam,
  checkQuery,
  fillPath,
  OPERATIONS,
  paramNames,
  READ_OPERATIONS,
  routeOf,
  type ParamName,
  type ReadOperation,
} from '../csms/operations.ts';
import { resourceInstancesRequestSchema, RESPONSE_SCHEMAS } from '../csms/schemas.ts';
import type { Audit, ValueEvent } from './audit.ts';
import { sendError } from './errors.ts';
import { refuseSignedOut, whoOf } from './identity.ts';
import type { Routing } from './routing.ts';
import { cleanRequestId, UpstreamFailure, type UpstreamPool } from './upstream.ts';

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
type ProxyRequest = FastifyRequest<{ Params: Params; Querystring: Record<string, unknown>; Body: unknown }>;

/** The bodies of the reads sent as a POST, checked and rebuilt from their known fields only. */
const READ_BODIES: Partial<Record<ReadOperation, z.ZodType>> = { ListResourceInstances: resourceInstancesRequestSchema };

/** What the proxy answers, decided before anything is sent. */
interface Answer {
  status: number;
  outcome: ValueEvent['outcome'];
  requestId?: string;
  send(reply: FastifyReply): FastifyReply;
}

export function registerProxy(app: FastifyInstance, opts: ProxyOptions) {
  const audited = new WeakSet<FastifyRequest>();
  const auditRead = (req: FastifyRequest<{ Params: Params }>, outcome: ValueEvent['outcome'], status: number, requestId?: string) => {
    audited.add(req);
    opts.audit({
      action: 'read',
      who: whoOf(req),
      clientIp: req.ip,
      project: req.params.project_id ?? '',
      secret: req.params.secret_name ?? '',
      version: req.params.version_id ?? '',
      outcome,
      status,
      requestId,
    });
  };

  for (const operation of READ_OPERATIONS) {
    const url = routeOf(operation, API_PREFIX);
    const isValueRead = operation === VALUE_READ;
    // Each value read is audited and may be costly for KMS: they are rate limited per person.
    const rateLimit = isValueRead
      ? { max: opts.valueReadsPerMinute, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => req.identity.rateKey }
      : false;
    const method = OPERATIONS[operation].method;
    app.route<{ Params: Params; Querystring: Record<string, unknown>; Body: unknown }>({
      method,
      url,
      config: { rateLimit },
      // Every value-read attempt is audited: one a guard refused before the handler (another
      // site, no session, over the rate limit) once it is answered.
      onResponse: isValueRead
        ? async (req, reply) => {
            if (!audited.has(req)) auditRead(req, outcomeOf(reply.statusCode), reply.statusCode);
          }
        : undefined,
      handler: async (req, reply) => {
        const answer = await forward(operation, req, opts);
        if (isValueRead) auditRead(req, answer.outcome, answer.status, answer.requestId);
        return answer.send(reply);
      },
    });
    app.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'].filter((m) => m !== method) as HTTPMethods[],
      url,
      handler: (_req, reply) =>
        sendError(
          reply.header('Allow', method),
          405,
          CONSOLE_ERRORS.methodNotAllowed,
          `The console is read-only: this read is a ${method}, and nothing else is allowed.`,
        ),
    });
  }
}

const error = (status: number, code: string, message: string, outcome: ValueEvent['outcome'], requestId?: string): Answer => ({
  status,
  outcome,
  requestId,
  send: (reply) => sendError(reply, status, code, message, requestId),
});

/** Checks one read, asks CSMS, and decides the answer (or the refusal). */
async function forward(operation: ReadOperation, req: ProxyRequest, opts: ProxyOptions): Promise<Answer> {
  const params: Partial<Record<ParamName, string>> = {};
  for (const name of paramNames(operation)) {
    const problem = checkParam(name, req.params[name]);
    if (problem) return error(400, CSMS_ERRORS.invalidParameter, problem, 'invalid');
    params[name] = req.params[name]!;
  }
  const checked = checkQuery(operation, req.query);
  if ('problem' in checked) return error(400, CSMS_ERRORS.invalidParameter, checked.problem, 'invalid');
  const bodySchema = READ_BODIES[operation];
  const body = bodySchema?.safeParse(req.body);
  if (body && !body.success) {
    const issue = body.error.issues[0];
    return error(400, CSMS_ERRORS.invalidBody, `Invalid request body (${issue?.path.join('.') || 'body'}: ${issue?.message}).`, 'invalid');
  }

  const projectId = params.project_id!;
  const identity = req.identity;
  const authorize = identity.authorizeFor(projectId);
  if (!authorize)
    return error(
      403,
      CONSOLE_ERRORS.forbidden,
      `${identity.who} may not use project ${projectId}: IAM gave this user no token for it. An administrator can grant access in IAM.`,
      'denied',
    );
  const endpoint = opts.routing(projectId, identity.projects);
  if (!endpoint) return error(404, CONSOLE_ERRORS.notFound, `The project ${projectId} is not configured on this console.`, 'not-found');

  let upstream;
  try {
    // Rebuilt from checked parts only: the browser cannot choose the host or any other path.
    upstream = await opts.upstreams
      .for(endpoint)
      .send({ method: OPERATIONS[operation].method, path: fillPath(operation, params), query: checked.query, body: body?.data }, authorize);
  } catch (failure) {
    if (!(failure instanceof UpstreamFailure)) throw failure;
    return failure.kind === 'timeout'
      ? error(504, CONSOLE_ERRORS.timeout, failure.message, 'error')
      : error(502, CONSOLE_ERRORS.badGateway, failure.message, 'error');
  }
  const answer = relay(operation, upstream.status, upstream.body, upstream.requestId);
  if (upstream.status === 401 && identity.session) {
    identity.session.end('token-refused');
    return {
      ...answer,
      send: (reply) => refuseSignedOut(reply, 'IAM no longer accepts your token (it expired or was revoked). Sign in again.'),
    };
  }
  const { retryAfter } = upstream;
  return {
    ...answer,
    send: (reply) => {
      if (answer.requestId) reply.header('X-Request-Id', answer.requestId);
      if (retryAfter) reply.header('Retry-After', retryAfter);
      return answer.send(reply);
    },
  };
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
function relay(operation: ReadOperation, status: number, body: string, requestId?: string): Answer {
  const badGateway = (what: string) =>
    error(502, CONSOLE_ERRORS.badGateway, `CSMS answered ${operation} with ${what}.`, 'error', requestId);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return badGateway(status < 400 ? 'an answer that is not JSON' : `HTTP ${status} without a JSON error body`);
  }
  if (status < 400) {
    const checked = RESPONSE_SCHEMAS[operation].safeParse(parsed);
    if (checked.success)
      return {
        status,
        outcome: outcomeOf(status),
        requestId,
        send: (reply) => reply.code(status).type('application/json').send(JSON.stringify(checked.data)),
      };
    const issue = checked.error.issues[0];
    const where = `${issue?.path.join('.') || 'body'}: ${issue?.message}`;
    const failed = badGateway(`an answer that does not match its definition (${where})`);
    return {
      ...failed,
      send: (reply) => {
        // Logged without the answer itself, which may hold a value.
        reply.log.warn({ operation, problem: where }, 'upstream answer does not match its schema');
        return failed.send(reply);
      },
    };
  }
  const found = parseErrorBody(parsed);
  if (!found) return badGateway(`HTTP ${status} and an unrecognised error body`);
  return error(status, found.error_code, found.error_msg, outcomeOf(status), cleanRequestId(found.request_id) ?? requestId);
}
