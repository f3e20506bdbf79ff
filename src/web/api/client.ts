// The API client: one function, `consoleRequest(row, input)`, for every endpoint of the console
// (its rows in console-endpoints.ts), answering the row's type. The query's AbortSignal is passed
// through, and every failure becomes an ApiError naming the row and, for a refusal, the IAM
// permission the row needs. Answers are not validated here: the console server checked each one
// against its operation's schema and passed on only the fields it knows.
import { msg } from '@lingui/core/macro';
import {
  endpointPath,
  type AnswerOf,
  type AnyEndpoint,
  type BodyOf,
  type ParamsOfEndpoint,
  type QueryOf,
} from '../../shared/console-endpoints.ts';
import { CONSOLE_REQUEST_HEADER } from '../../shared/console-paths.ts';
import { CONSOLE_ERRORS, parseErrorBody } from '../../shared/error-codes.ts';
import { ApiError } from './api-error.ts';

/** The console server refuses API calls without it (a cross-site page cannot send it). */
const CONSOLE_HEADERS = { [CONSOLE_REQUEST_HEADER]: '1', Accept: 'application/json' };

/** What a call of a row sends: its path parameters and body when it has them, its query. */
export type RequestOf<E extends AnyEndpoint> = {
  query?: QueryOf<E>;
  signal?: AbortSignal;
  /** The request outlives the page (an audit report sent while leaving it). */
  keepalive?: boolean;
} & ([keyof ParamsOfEndpoint<E>] extends [never] ? { params?: undefined } : { params: ParamsOfEndpoint<E> }) &
  ([BodyOf<E>] extends [undefined] ? { body?: undefined } : { body: BodyOf<E> });

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** The ApiError for an answer that is not 2xx, whatever CSMS error shape its body has. */
function errorOf(res: Response, body: unknown, endpoint: AnyEndpoint): ApiError {
  const error = parseErrorBody(body);
  const status = res.status;
  return new ApiError({
    status: res.status,
    code: error?.error_code ?? `HTTP.${res.status}`,
    // CSMS's own message as sent; the console's words only when it sent none.
    message: error?.error_msg ?? msg`The server answered HTTP ${status}.`,
    requestId: error?.request_id ?? res.headers.get('x-request-id') ?? undefined,
    endpoint,
    retryAfterSeconds: retryAfterSeconds(res.headers.get('retry-after')),
  });
}

function urlOf(endpoint: AnyEndpoint, params: unknown, query: unknown): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  const path = endpointPath(endpoint, Object.fromEntries(Object.entries(params ?? {}).map(([key, value]) => [key, String(value)])));
  return `${path}${text ? `?${text}` : ''}`;
}

/** One call of one row of the console's endpoints: its answer, or an ApiError. */
export async function consoleRequest<E extends AnyEndpoint>(endpoint: E, input: RequestOf<E>): Promise<AnswerOf<E>> {
  const { signal, body } = input;
  let res: Response;
  try {
    res = await fetch(urlOf(endpoint, input.params, input.query), {
      method: endpoint.method,
      headers: body === undefined ? CONSOLE_HEADERS : { ...CONSOLE_HEADERS, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      keepalive: input.keepalive,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if (signal?.aborted) throw error; // navigation cancelled it: not an error to show
    throw new ApiError({
      status: 0,
      code: CONSOLE_ERRORS.network,
      message: msg`The console server could not be reached. Check your connection.`,
      endpoint,
    });
  }
  const status = res.status;
  let text: string;
  let answer: AnswerOf<E>;
  try {
    text = await res.text();
    // The row's type, as the server's schemas checked it; no body (204) is null.
    answer = JSON.parse(text === '' && res.ok ? 'null' : text);
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw new ApiError({
      status: res.status,
      code: CONSOLE_ERRORS.badResponse,
      message: msg`The server sent an answer that is not JSON (HTTP ${status}).`,
      requestId: res.headers.get('x-request-id') ?? undefined,
      endpoint,
    });
  }
  if (!res.ok) throw errorOf(res, answer, endpoint);
  return answer;
}
