import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, canonicalUri, parseSdkDate, verifySignature } from './signature.ts';

// The official test vector of Huawei Cloud's API signing guide.
const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const PATH = '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs';
const QUERY = 'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0';
const DATE = '20191115T033655Z';
const EXPECTED = '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe';
const vectorTime = parseSdkDate(DATE);

const vectorRequest = (signature: string) => ({
  method: 'GET',
  url: `${PATH}?${QUERY}`,
  headers: {
    'content-type': 'application/json',
    'x-sdk-date': DATE,
    host: 'service.region.example.com',
    authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${signature}`,
  },
  body: '',
});

describe('SDK-HMAC-SHA256 verification', () => {
  it('reproduces the official test vector', () => {
    const canonical = [
      'GET',
      canonicalUri(PATH),
      canonicalQuery(QUERY),
      'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n',
      'content-type;host;x-sdk-date',
      createHash('sha256').update('').digest('hex'),
    ].join('\n');
    const toSign = ['SDK-HMAC-SHA256', DATE, createHash('sha256').update(canonical).digest('hex')].join('\n');
    expect(createHmac('sha256', SK).update(toSign).digest('hex')).toBe(EXPECTED);
    expect(verifySignature(vectorRequest(EXPECTED), (ak) => (ak === AK ? SK : undefined), vectorTime)).toEqual({ ok: true, accessKey: AK });
  });

  it('agrees with the official signer on the test vector', () => {
    const headers = AKSKSigner.sign(
      {
        method: 'GET',
        endpoint: `https://service.region.example.com${PATH}`,
        queryParams: { limit: '2', marker: '13551d6b-755d-4757-b956-536f674975c0' },
        headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': DATE },
      } as never,
      { getAk: () => AK, getSk: () => SK } as never,
    ) as Record<string, string>;
    expect(headers.Authorization).toContain(`Signature=${EXPECTED}`);
  });

  it('refuses a tampered signature, path, query or unknown key', () => {
    const secretOf = (ak: string) => (ak === AK ? SK : undefined);
    const tampered = vectorRequest(EXPECTED.replace(/^7/, '8'));
    expect(verifySignature(tampered, secretOf, vectorTime)).toEqual({ ok: false, reason: 'mismatch' });
    expect(
      verifySignature(
        { ...vectorRequest(EXPECTED), url: `${PATH}?limit=3&marker=13551d6b-755d-4757-b956-536f674975c0` },
        secretOf,
        vectorTime,
      ).ok,
    ).toBe(false);
    expect(verifySignature({ ...vectorRequest(EXPECTED), url: `${PATH}x?${QUERY}` }, secretOf, vectorTime).ok).toBe(false);
    expect(verifySignature(vectorRequest(EXPECTED), () => undefined, vectorTime)).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it('enforces the 15-minute clock window', () => {
    const secretOf = () => SK;
    expect(verifySignature(vectorRequest(EXPECTED), secretOf, vectorTime + 14 * 60_000).ok).toBe(true);
    expect(verifySignature(vectorRequest(EXPECTED), secretOf, vectorTime + 16 * 60_000)).toEqual({ ok: false, reason: 'clock-skew' });
    expect(verifySignature(vectorRequest(EXPECTED), secretOf, vectorTime - 16 * 60_000)).toEqual({ ok: false, reason: 'clock-skew' });
  });

  it('refuses a malformed Authorization header', () => {
    const req = { ...vectorRequest(EXPECTED), headers: { ...vectorRequest(EXPECTED).headers, authorization: 'Basic abc' } };
    expect(verifySignature(req, () => SK, vectorTime)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('encodes like the official signer', () => {
    expect(canonicalUri('/v1/p/secrets/a%20b')).toBe('/v1/p/secrets/a%20b/');
    expect(canonicalQuery('b=2&a=x%2Fy&c=*')).toBe('a=x%2Fy&b=2&c=%2A');
  });
});
