// Calls the CSMS API: every request authorized by the reader (signed with the official Huawei
// Cloud signer, or carrying the user's IAM token), with a hard timeout, no redirects followed, and
// nothing from the browser's request but the checked path and query.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { Agent, errors, request } from 'undici';
import type { Credentials } from './config.ts';
import type { Authorize } from './routing.ts';

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

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Builds the headers the official signer produces for a GET (host is implied by the URL). Every
 * header sent is signed, the temporary credentials' X-Security-Token included. */
export function signedHeaders(credentials: Credentials, url: URL, projectId?: string): Record<string, string> {
  const queryParams = Object.fromEntries(url.searchParams);
  const extra = {
    ...(projectId && { 'X-Project-Id': projectId }),
    ...(credentials.securityToken && { 'X-Security-Token': credentials.securityToken }),
  };
  const all = AKSKSigner.sign(
    { method: 'GET', endpoint: `${url.origin}${url.pathname}`, queryParams, headers: extra, data: undefined } as never,
    { getAk: () => credentials.accessKey, getSk: () => credentials.secretKey } as never,
  ) as Record<string, string>;
  const { host: _host, ...headers } = all;
  return headers;
}

/** A connection pool to one CSMS endpoint. */
export function createUpstreamClient(endpoint: string, timeoutMs: number) {
  const dispatcher = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 64, keepAliveTimeout: 10_000 });

  return {
    async get(path: string, query: Record<string, string>, projectId: string, authorize: Authorize): Promise<UpstreamAnswer> {
      const url = new URL(`${endpoint}${path}`);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      try {
        const res = await request(url, {
          method: 'GET',
          headers: authorize(url, projectId),
          dispatcher,
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (res.statusCode >= 300 && res.statusCode < 400) {
          await res.body.dump();
          throw new UpstreamFailure(
            'redirect',
            `The CSMS endpoint answered with a redirect (HTTP ${res.statusCode}), which is not followed.`,
          );
        }
        const length = Number(res.headers['content-length'] ?? 0);
        if (length > MAX_BODY_BYTES) {
          await res.body.dump();
          throw new UpstreamFailure('too-large', 'The CSMS endpoint sent an answer that is too large.');
        }
        const header = (name: string) => {
          const v = res.headers[name];
          return Array.isArray(v) ? v[0] : v;
        };
        return {
          status: res.statusCode,
          body: await res.body.text(),
          requestId: header('x-request-id'),
          retryAfter: header('retry-after'),
        };
      } catch (error) {
        if (error instanceof UpstreamFailure) throw error;
        if (isTimeout(error)) throw new UpstreamFailure('timeout', `The CSMS endpoint did not answer within ${timeoutMs} ms.`);
        throw new UpstreamFailure('unreachable', `Could not reach the CSMS endpoint (${describe(error)}).`);
      }
    },
    close: () => dispatcher.close(),
  };
}
export type UpstreamClient = ReturnType<typeof createUpstreamClient>;

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
