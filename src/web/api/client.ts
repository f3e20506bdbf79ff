// The API client: one call over fetch (a GET, or a POST that only reads), the query's AbortSignal
// passed through, every failure turned into an ApiError. Answers are not validated here: the console server checked each one against
// its operation's schema and passed on only the fields it knows.
import { msg } from '@lingui/core/macro';
import { apiPath, CONSOLE_REQUEST_HEADER } from '../../csms/console-paths.ts';
import { CONSOLE_ERRORS, parseErrorBody } from '../../csms/error-codes.ts';
import type { ParamsOf, ReadOperation } from '../../csms/operations.ts';
import type { ResponseOf } from '../../csms/schemas.ts';
import { ApiError, type Operation } from './api-error.ts';

/** The console server refuses API calls without it (a cross-site page cannot send it). */
export const CONSOLE_HEADERS = { [CONSOLE_REQUEST_HEADER]: '1', Accept: 'application/json' };

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
  const status = res.status;
  return new ApiError({
    status: res.status,
    code: error?.error_code ?? `HTTP.${res.status}`,
    // CSMS's own message as sent; the console's words only when it sent none.
    message: error?.error_msg ?? msg`The server answered HTTP ${status}.`,
    requestId: error?.request_id ?? res.headers.get('x-request-id') ?? undefined,
    operation,
    retryAfterSeconds: retryAfterSeconds(res.headers.get('retry-after')),
  });
}

/** GET one of the console server's JSON endpoints. */
export const getJson = <T>(operation: Operation, url: string, signal?: AbortSignal): Promise<T> => requestJson(operation, url, signal);

/** One of the console server's JSON endpoints: a GET, or a POST when there is a body. */
export async function requestJson<T>(operation: Operation, url: string, signal?: AbortSignal, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...(body === undefined
        ? { headers: CONSOLE_HEADERS }
        : { method: 'POST', headers: { ...CONSOLE_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if (signal?.aborted) throw error; // navigation cancelled it: not an error to show
    throw new ApiError({
      status: 0,
      code: CONSOLE_ERRORS.network,
      message: msg`The console server could not be reached. Check your connection.`,
      operation,
    });
  }
  let answer: unknown;
  const status = res.status;
  try {
    answer = await res.json();
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw new ApiError({
      status: res.status,
      code: CONSOLE_ERRORS.badResponse,
      message: msg`The server sent an answer that is not JSON (HTTP ${status}).`,
      requestId: res.headers.get('x-request-id') ?? undefined,
      operation,
    });
  }
  if (!res.ok) throw errorOf(res, answer, operation);
  return answer as T;
}

/** One CSMS read through the console's mirror of it. */
export function apiGet<O extends ReadOperation>(
  operation: O,
  params: ParamsOf<O>,
  query: Record<string, string | number | undefined> = {},
  signal?: AbortSignal,
): Promise<ResponseOf<O>> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return getJson(operation, `${apiPath(operation, params)}${text ? `?${text}` : ''}`, signal);
}
