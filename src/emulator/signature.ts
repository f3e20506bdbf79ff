// Verifies SDK-HMAC-SHA256 signatures the way Huawei Cloud's gateway does. The canonical request
// is rebuilt from the request as received: the raw path and query, the headers named in
// SignedHeaders, and the hash of the raw body bytes (so any client's JSON serialisation works).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60_000;

/** Percent-encodes like the official signer: only A-Z a-z 0-9 - _ . ~ are kept. */
export function signerEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

export function canonicalUri(rawPath: string): string {
  const encoded = rawPath
    .split('/')
    .map((segment) => signerEncode(decodeOrKeep(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      const key = decodeOrKeep(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : decodeOrKeep(part.slice(eq + 1));
      return [signerEncode(key), signerEncode(value)] as const;
    });
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** `20191115T033655Z` → epoch ms, or NaN. */
export function parseSdkDate(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received, e.g. `/v1/…/secrets?limit=2`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | string;
}

export type VerifyResult = { ok: true; accessKey: string } | { ok: false; reason: 'malformed' | 'unknown-key' | 'clock-skew' | 'mismatch' };

export function verifySignature(
  req: SignedRequest,
  secretKeyOf: (accessKey: string) => string | undefined,
  now = Date.now(),
): VerifyResult {
  const header = String(req.headers.authorization ?? '');
  const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(header);
  if (!m) return { ok: false, reason: 'malformed' };
  const [, accessKey, signedHeaderList, signature] = m as unknown as [string, string, string, string];
  const secretKey = secretKeyOf(accessKey);
  if (!secretKey) return { ok: false, reason: 'unknown-key' };

  const date = String(req.headers['x-sdk-date'] ?? '');
  const signedAt = parseSdkDate(date);
  if (Number.isNaN(signedAt)) return { ok: false, reason: 'malformed' };
  if (Math.abs(now - signedAt) > MAX_SKEW_MS) return { ok: false, reason: 'clock-skew' };

  const names = signedHeaderList.split(';');
  if (!names.includes('x-sdk-date') || !names.includes('host')) return { ok: false, reason: 'malformed' };
  const canonicalHeaders = names.map((name) => `${name}:${String(req.headers[name] ?? '')}\n`).join('');
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = q < 0 ? '' : req.url.slice(q + 1);
  const contentHash = req.headers['x-sdk-content-sha256'];
  const payloadHash = typeof contentHash === 'string' && names.includes('x-sdk-content-sha256') ? contentHash : sha256Hex(req.body);
  const canonicalRequest = [req.method, canonicalUri(path), canonicalQuery(query), canonicalHeaders, signedHeaderList, payloadHash].join(
    '\n',
  );
  const stringToSign = [ALGORITHM, date, sha256Hex(canonicalRequest)].join('\n');
  const expected = createHmac('sha256', secretKey).update(stringToSign).digest();
  const given = Buffer.from(signature, 'hex');
  return timingSafeEqual(expected, given) ? { ok: true, accessKey } : { ok: false, reason: 'mismatch' };
}
