// One CSMS read as an identity makes it: its project's endpoint, its authorization, the call with
// a timeout, and the answer checked against the operation's schema (only the fields the schema
// knows are kept) or turned into a CSMS-shaped failure. The proxy relays what it gives; the
// overview sweeps a project with it.
import { CONSOLE_ERRORS, parseErrorBody } from '../shared/error-codes.ts';
import type { OverviewPartError } from '../shared/console-api.ts';
import { fillPath, OPERATIONS, permissionOf, serviceOf, type ParamName, type ReadOperation } from '../shared/operations.ts';
import { RESPONSE_SCHEMAS, type ResponseOf } from '../shared/schemas.ts';
import type { Identity } from './auth/identity.ts';
import type { Routing } from './routing.ts';
import { cleanRequestId, UpstreamFailure, type UpstreamPool } from './upstream.ts';

export type ReadFailure = {
  ok: false;
  status: number;
  code: string;
  message: string;
  requestId?: string;
  retryAfter?: string;
  /** Why the upstream's answer was refused, for the log (never the answer itself). */
  problem?: string;
};
export type ReadResult<O extends ReadOperation> = { ok: true; status: number; data: ResponseOf<O>; requestId?: string } | ReadFailure;

export interface ReadRequest {
  /** Checked by the caller against the table's patterns. */
  params: Partial<Record<ParamName, string>>;
  query?: Record<string, string>;
  /** Checked and rebuilt by the caller (reads sent as a POST). */
  body?: unknown;
}

const failure = (status: number, code: string, message: string, requestId?: string): ReadFailure => ({
  ok: false,
  status,
  code,
  message,
  requestId,
});

export function createCsmsReader(opts: {
  routing: Routing;
  upstreams: UpstreamPool;
  /** Told how long each call took and how it ended (0: no answer). */
  observe?: (operation: ReadOperation, status: number, seconds: number) => void;
}) {
  /** Why this person cannot use the project at all (before any call), or null. */
  const projectRefusal = (identity: Identity, projectId: string, service: 'csms' | 'cts' | 'kms' = 'csms'): ReadFailure | null => {
    if (!identity.authorizeFor(projectId))
      return failure(
        403,
        CONSOLE_ERRORS.forbidden,
        `${identity.who} may not use project ${projectId}: IAM gave this user no token for it. An administrator can grant access in IAM.`,
      );
    if (!opts.routing(projectId, identity.projects, service))
      return failure(404, CONSOLE_ERRORS.notFound, `The project ${projectId} is not configured on this console.`);
    return null;
  };
  async function read<O extends ReadOperation>(identity: Identity, operation: O, request: ReadRequest): Promise<ReadResult<O>> {
    const projectId = request.params.project_id!;
    const refused = projectRefusal(identity, projectId, serviceOf(operation));
    if (refused) return refused;
    const authorize = identity.authorizeFor(projectId)!;
    const endpoint = opts.routing(projectId, identity.projects, serviceOf(operation))!;

    let upstream;
    const started = performance.now();
    const observe = (status: number) => opts.observe?.(operation, status, (performance.now() - started) / 1000);
    try {
      // Rebuilt from checked parts only: the browser cannot choose the host or any other path.
      upstream = await opts.upstreams
        .for(endpoint)
        .send(
          { method: OPERATIONS[operation].method, path: fillPath(operation, request.params), query: request.query, body: request.body },
          authorize,
        );
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      observe(0);
      return error.kind === 'timeout'
        ? failure(504, CONSOLE_ERRORS.timeout, error.message)
        : failure(502, CONSOLE_ERRORS.badGateway, error.message);
    }
    observe(upstream.status);
    return {
      ...checkAnswer(operation, upstream.status, upstream.body, upstream.requestId),
      retryAfter: cappedRetryAfter(upstream.retryAfter),
    } as ReadResult<O>;
  }
  return Object.assign(read, { projectRefusal });
}
export type CsmsReader = ReturnType<typeof createCsmsReader>;

/** The longest wait relayed to the app: an upstream's Retry-After of hours (or garbage) would
 * stall it. */
export const MAX_RETRY_AFTER_S = 60;

/** An upstream's Retry-After as whole seconds within the cap; a date becomes the seconds until it. */
export function cappedRetryAfter(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const seconds = /^[0-9]+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isNaN(seconds) ? undefined : String(Math.min(MAX_RETRY_AFTER_S, Math.max(0, Math.ceil(seconds))));
}

/** A success only as its schema allows; an error always in the CSMS shape. */
function checkAnswer<O extends ReadOperation>(operation: O, status: number, body: string, requestId?: string): ReadResult<O> {
  const badGateway = (what: string, problem?: string) => ({
    ...failure(502, CONSOLE_ERRORS.badGateway, `CSMS answered ${operation} with ${what}.`, requestId),
    problem,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return badGateway(status < 400 ? 'an answer that is not JSON' : `HTTP ${status} without a JSON error body`);
  }
  if (status < 400) {
    const checked = RESPONSE_SCHEMAS[operation].safeParse(parsed);
    if (checked.success) return { ok: true, status, data: checked.data as ResponseOf<O>, requestId };
    const issue = checked.error.issues[0];
    const where = `${issue?.path.join('.') || 'body'}: ${issue?.message}`;
    return badGateway(`an answer that does not match its definition (${where})`, where);
  }
  const found = parseErrorBody(parsed);
  if (!found) return badGateway(`HTTP ${status} and an unrecognised error body`);
  return failure(status, found.error_code, found.error_msg, cleanRequestId(found.request_id) ?? requestId);
}

/** A failed read as the console's API reports it, with the permission it needs when refused. */
export function describeFailure(operation: ReadOperation, failure: ReadFailure): OverviewPartError {
  return {
    status: failure.status,
    code: failure.code,
    message: failure.message,
    ...(failure.requestId && { request_id: failure.requestId }),
    ...(failure.status === 403 && { permission: permissionOf(operation) }),
  };
}
