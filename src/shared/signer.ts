// Signs a request with Huawei Cloud's official signer (SDK-HMAC-SHA256, from the SDK's core
// package), exactly as a Huawei SDK does. Node only: the app never signs (the key stays on the
// server). Every header sent is signed, X-Security-Token of temporary credentials included.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';

export interface Credentials {
  accessKey: string;
  secretKey: string;
  /** Temporary credentials: sent, and signed, as X-Security-Token. */
  securityToken?: string;
}

/** The headers to send with a request to `url` (host is implied by the URL and left out). */
export function signedHeaders(
  credentials: Credentials,
  request: { method: string; url: URL; headers?: Record<string, string>; data?: unknown },
): Record<string, string> {
  const headers = {
    ...request.headers,
    ...(credentials.securityToken && { 'X-Security-Token': credentials.securityToken }),
  };
  const signed = AKSKSigner.sign(
    {
      method: request.method,
      endpoint: `${request.url.origin}${request.url.pathname}`,
      queryParams: Object.fromEntries(request.url.searchParams),
      headers,
      data: request.data,
    } as never,
    { getAk: () => credentials.accessKey, getSk: () => credentials.secretKey } as never,
  ) as Record<string, string>;
  const { host: _host, ...rest } = signed;
  return rest;
}
