// /api/v1/... → the same CSMS path upstream, for exactly the reads of the table of operations (a
// GET each, but ListResourceInstances and KMS's ListKeyDetail, POSTs that only read). Every path parameter, query value
// and body field is checked before any upstream call, and every answer against the operation's
// schema (csms-reader.ts). This only computes the answer: the gates, the value-read allowance and
// the audit of a value read are the endpoint table's (endpoints.ts).
import type { z } from 'zod';
import { csmsRead, VALUE_READ, type AnyEndpoint, type CsmsReadEndpoint } from '../shared/console-endpoints.ts';
import { CSMS_ERRORS } from '../shared/error-codes.ts';
import { checkParam, checkQuery, paramNames, READ_OPERATIONS, type ParamName, type ReadOperation } from '../shared/operations.ts';
import { keyDetailRequestSchema, resourceInstancesRequestSchema, type ResponseOf } from '../shared/schemas.ts';
import { outcomeOf } from './audit.ts';
import type { CsmsReader } from './csms-reader.ts';
import type { AnyHandler, Answer, Call, Handler, Named, ValueUse } from './endpoints.ts';
import { refusal } from './errors.ts';

/** The bodies of the reads sent as a POST, checked and rebuilt from their known fields only. */
const READ_BODIES: Partial<Record<ReadOperation, z.ZodType>> = {
  ListResourceInstances: resourceInstancesRequestSchema,
  ListKeyDetail: keyDetailRequestSchema,
};

/** The value a value read names, as its URL gives it (checked or not: a refusal is audited too). */
const valueNamed = ({ params }: Named): ValueUse[] => [
  {
    action: 'read',
    project: String(params.project_id ?? ''),
    secret: String(params.secret_name ?? ''),
    version: String(params.version_id ?? ''),
  },
];

export function csmsReadHandlers(read: CsmsReader): AnyHandler[] {
  return READ_OPERATIONS.map((operation): AnyHandler => {
    // Read from the table once, not on every request.
    const names = paramNames(operation);
    const served: Handler<CsmsReadEndpoint<ReadOperation>> = {
      endpoint: csmsRead(operation),
      valuesNamed: operation === VALUE_READ ? valueNamed : undefined,
      handle: async (call) => {
        const { answer, status, requestId } = await forward(operation, names, call, read);
        if (operation !== VALUE_READ) return answer;
        return { ...answer, values: valueNamed(call.req).map((v) => ({ ...v, outcome: outcomeOf(status), status, requestId })) };
      },
    };
    return served;
  });
}

/** Checks one read as the request names it (its path parameters, query and body), asks CSMS as the
 * person, and decides the answer (or the refusal, with CSMS's request id and Retry-After). */
export async function forward<O extends ReadOperation>(
  operation: O,
  names: ParamName[],
  { req, identity }: Pick<Call<AnyEndpoint>, 'req' | 'identity'>,
  read: CsmsReader,
): Promise<{ answer: Answer<ResponseOf<O>>; status: number; requestId?: string }> {
  const params: Partial<Record<ParamName, string>> = {};
  for (const name of names) {
    const problem = checkParam(name, req.params[name]);
    if (problem) return invalid(CSMS_ERRORS.invalidParameter, problem);
    params[name] = req.params[name]!;
  }
  const checked = checkQuery(operation, req.query);
  if ('problem' in checked) return invalid(CSMS_ERRORS.invalidParameter, checked.problem);
  const body = READ_BODIES[operation]?.safeParse(req.body);
  if (body && !body.success) {
    const issue = body.error.issues[0];
    return invalid(CSMS_ERRORS.invalidBody, `Invalid request body (${issue?.path.join('.') || 'body'}: ${issue?.message}).`);
  }

  const result = await read(identity, operation, { params, query: checked.query, body: body?.data });
  const { status, requestId } = result;
  const ids = requestId ? { 'X-Request-Id': requestId } : undefined;
  if (result.ok) return { answer: { ok: true, body: result.data, headers: ids }, status, requestId };
  if (result.problem) req.log.warn({ operation, problem: result.problem }, 'upstream answer refused');
  const headers = { ...ids, ...(result.retryAfter && { 'Retry-After': result.retryAfter }) };
  return { answer: { ok: false, ...refusal(status, result.code, result.message, { requestId, headers }) }, status, requestId };
}

const invalid = (code: string, message: string) => ({ answer: { ok: false as const, ...refusal(400, code, message) }, status: 400 });
