// /api/v1/... → the same CSMS path upstream, for exactly the reads of the table of operations (a
// GET each, but ListResourceInstances, a POST that only reads). Every path parameter, query value
// and body field is checked before any upstream call, and every answer against the operation's
// schema (csms-reader.ts). Each answer is decided first, then (for a value read) audited, then
// sent: a read that cannot be audited is never sent.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX } from '../csms/console-paths.ts';
import { CONSOLE_ERRORS, CSMS_ERRORS } from '../csms/error-codes.ts';
import {
  checkParam,
  checkQuery,
  OPERATIONS,
  paramNames,
  READ_OPERATIONS,
  routeOf,
  type ParamName,
  type ReadOperation,
} from '../csms/operations.ts';
import { resourceInstancesRequestSchema } from '../csms/schemas.ts';
import { outcomeOf, type Audit, type ValueEvent } from './audit.ts';
import { sendError } from './errors.ts';
import type { CsmsReader } from './csms-reader.ts';
import { refuseSignedOut, whoOf } from './auth/identity.ts';
import { refuseRateLimited, type ValueReadAllowance } from './value-reads.ts';

export interface ProxyOptions {
  read: CsmsReader;
  audit: Audit;
  /** Values a person may read a minute (shared with compares). */
  allowance: ValueReadAllowance;
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
    const method = OPERATIONS[operation].method;
    app.route<{ Params: Params; Querystring: Record<string, unknown>; Body: unknown }>({
      method,
      url,
      config: isValueRead ? { valueReads: 1 } : {},
      // Each value read is audited and may be costly for KMS: they are limited per person.
      preHandler: isValueRead
        ? async (req, reply) => {
            const taken = req.identity.valueReadsWait;
            const wait = taken !== undefined ? taken : await opts.allowance.take(req.identity.rateKey, 1);
            if (wait !== null) return refuseRateLimited(reply, opts.allowance.perMinute, wait);
          }
        : undefined,
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

const refusal = (status: number, code: string, message: string): Answer => ({
  status,
  outcome: 'invalid',
  send: (reply) => sendError(reply, status, code, message),
});

/** Checks one read, asks CSMS, and decides the answer (or the refusal). */
async function forward(operation: ReadOperation, req: ProxyRequest, opts: ProxyOptions): Promise<Answer> {
  const params: Partial<Record<ParamName, string>> = {};
  for (const name of paramNames(operation)) {
    const problem = checkParam(name, req.params[name]);
    if (problem) return refusal(400, CSMS_ERRORS.invalidParameter, problem);
    params[name] = req.params[name]!;
  }
  const checked = checkQuery(operation, req.query);
  if ('problem' in checked) return refusal(400, CSMS_ERRORS.invalidParameter, checked.problem);
  const body = READ_BODIES[operation]?.safeParse(req.body);
  if (body && !body.success) {
    const issue = body.error.issues[0];
    return refusal(400, CSMS_ERRORS.invalidBody, `Invalid request body (${issue?.path.join('.') || 'body'}: ${issue?.message}).`);
  }

  const result = await opts.read(req.identity, operation, { params, query: checked.query, body: body?.data });
  const { status, requestId } = result;
  if (result.ok)
    return {
      status,
      outcome: 'ok',
      requestId,
      send: (reply) => withIds(reply).code(status).type('application/json').send(JSON.stringify(result.data)),
    };
  if (result.problem) req.log.warn({ operation, problem: result.problem }, 'upstream answer refused');
  const tokenRefused = status === 401 && req.identity.session !== undefined;
  return {
    status,
    outcome: outcomeOf(status),
    requestId,
    send: (reply) =>
      tokenRefused
        ? refuseSignedOut(reply, 'IAM no longer accepts your token (it expired or was revoked). Sign in again.')
        : sendError(withIds(reply), status, result.code, result.message, requestId),
  };

  function withIds(reply: FastifyReply) {
    if (requestId) reply.header('X-Request-Id', requestId);
    if (!result.ok && result.retryAfter) reply.header('Retry-After', result.retryAfter);
    return reply;
  }
}
