// Calls an upstream API (CSMS, IAM): every request authorized by the caller's identity (signed
// with the official Huawei Cloud signer, or carrying the user's IAM token), with a hard timeout,
// no redirects followed, and nothing from the browser's request but the checked path and query.
import { EventEmitter } from 'node:events';
import { Agent, errors, request } from 'undici';

/** A call as it will be sent: what an Authorize signs. */
export interface OutgoingCall {
  method: 'GET' | 'POST';
  url: URL;
  /** A JSON body (sent as JSON.stringify of it, the bytes the signer hashes). */
  body?: unknown;
}

/** The headers that authorize a call. */
export type Authorize = (call: OutgoingCall) => Record<string, string>;

/** Every call's JSON body is sent with this type, which the signer signs too. */
export const JSON_TYPE = { 'Content-Type': 'application/json;charset=UTF-8' };

export interface UpstreamAnswer {
  status: number;
  body: string;
  requestId?: string;
  retryAfter?: string;
}

export class UpstreamFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'unreachable' | 'redirect' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** An upstream's request id, passed on only if it looks like one: at most 128 of [A-Za-z0-9-]. */
export const cleanRequestId = (id: unknown): string | undefined =>
  typeof id === 'string' && /^[A-Za-z0-9-]{1,128}$/.test(id) ? id : undefined;

/** A connection pool to one endpoint of a service (named in error messages: CSMS, CTS…). */
export function createUpstreamClient(endpoint: string, timeoutMs: number, service = 'CSMS') {
  const dispatcher = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 64, keepAliveTimeout: 10_000 });

  return {
    /** Sends one call: a GET with its query, or a POST with its JSON body. */
    async send(
      call: { method: 'GET' | 'POST'; path: string; query?: Record<string, string>; body?: unknown },
      authorize: Authorize,
    ): Promise<UpstreamAnswer> {
      const url = new URL(`${endpoint}${call.path}`);
      for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
      // The whole call, body included, within timeoutMs: a timer cleared at the end, and an
      // EventEmitter as the signal (undici takes either), which costs far less on every call than
      // an AbortController and its EventTarget. Only this timer aborts the call.
      const deadline = new EventEmitter();
      const timer = setTimeout(() => deadline.emit('abort'), timeoutMs);
      try {
        const hasBody = call.body !== undefined;
        const res = await request(url, {
          method: call.method,
          headers: { ...(hasBody && JSON_TYPE), ...authorize({ method: call.method, url, body: call.body }) },
          body: hasBody ? JSON.stringify(call.body) : undefined,
          dispatcher,
          signal: deadline,
        });
        if (res.statusCode >= 300 && res.statusCode < 400) {
          await res.body.dump();
          throw new UpstreamFailure(
            'redirect',
            `The ${service} endpoint answered with a redirect (HTTP ${res.statusCode}), which is not followed.`,
          );
        }
        const header = (name: string) => {
          const v = res.headers[name];
          return Array.isArray(v) ? v[0] : v;
        };
        const body = await readLimited(res.body, service);
        return {
          status: res.statusCode,
          body,
          requestId: cleanRequestId(header('x-request-id')),
          retryAfter: header('retry-after'),
        };
      } catch (error) {
        if (error instanceof UpstreamFailure) throw error;
        if (isTimeout(error)) throw new UpstreamFailure('timeout', `The ${service} endpoint did not answer within ${timeoutMs} ms.`);
        throw new UpstreamFailure('unreachable', `Could not reach the ${service} endpoint (${describe(error)}).`);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => dispatcher.close(),
  };
}
export type UpstreamClient = ReturnType<typeof createUpstreamClient>;

/** An answer's body as text, counted as it streams (a Content-Length can be missing, chunked, or
 * false): past MAX_BODY_BYTES the stream is dropped. Events, not an async iterator: this runs on
 * every call, and the iterator's promises cost more than the small answers they carry. */
function readLimited(body: NodeJS.ReadableStream & { destroy(): void }, service: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      body.destroy();
      reject(new UpstreamFailure('too-large', `The ${service} endpoint sent an answer that is too large.`));
    });
    body.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    body.once('error', reject);
  });
}

/** One connection pool per endpoint, made on first use, closed together. */
export function createUpstreamPool(timeoutMs: number) {
  const clients = new Map<string, UpstreamClient>();
  return {
    for(endpoint: string, service?: string): UpstreamClient {
      let client = clients.get(endpoint);
      if (!client) clients.set(endpoint, (client = createUpstreamClient(endpoint, timeoutMs, service)));
      return client;
    },
    close: () => Promise.all([...clients.values()].map((c) => c.close())),
  };
}
export type UpstreamPool = ReturnType<typeof createUpstreamPool>;

function isTimeout(error: unknown): boolean {
  return (
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  );
}

function describe(error: unknown): string {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code ?? 'network error';
}
