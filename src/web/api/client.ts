// The API client: one GET over fetch, the query's AbortSignal passed through, every answer
// validated with the contract's zod schemas, every failure turned into an ApiError.
import * as z from 'zod/mini';
import { parseErrorBody } from '../../csms/schemas.ts';
import { ApiError, type Operation } from './api-error.ts';

/** The console server refuses API calls without it (a cross-site page cannot send it). */
export const CONSOLE_HEADERS = { 'X-Console-Request': '1', Accept: 'application/json' };

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** The ApiError for an answer that is not 2xx, whatever CSMS error shape its body has. */
export function errorOf(res: Response, body: unknown, operation: Operation): ApiError {
  const error = parseErrorBody(body);
  return new ApiError({
    status: res.status,
    code: error?.error_code ?? `HTTP.${res.status}`,
    message: error?.error_msg ?? `The server answered HTTP ${res.status}.`,
    requestId: error?.request_id ?? res.headers.get('x-request-id') ?? undefined,
    operation,
    retryAfterSeconds: retryAfterSeconds(res.headers.get('retry-after')),
  });
}

export async function apiGet<S extends z.ZodMiniType>(
  operation: Operation,
  url: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: CONSOLE_HEADERS, signal, credentials: 'same-origin', cache: 'no-store' });
  } catch (error) {
    if (signal?.aborted) throw error; // navigation cancelled it: not an error to show
    throw new ApiError({
      status: 0,
      code: 'CONSOLE.NETWORK',
      message: 'The console server could not be reached. Check your connection.',
      operation,
    });
  }
  const requestId = res.headers.get('x-request-id') ?? undefined;
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw new ApiError({
      status: res.status,
      code: 'CONSOLE.BAD_RESPONSE',
      message: `The server sent an answer that is not JSON (HTTP ${res.status}).`,
      requestId,
      operation,
    });
  }
  if (!res.ok) throw errorOf(res, body, operation);
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError({
      status: res.status,
      code: 'CONSOLE.BAD_RESPONSE',
      message: `The answer does not match the CSMS contract (${issue?.path.join('.') || 'body'}: ${issue?.message}).`,
      requestId,
      operation,
    });
  }
  return parsed.data;
}
