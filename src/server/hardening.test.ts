// The proxy under hostile input: property-based fuzzing of path segments and query strings against
// a recording upstream, rate limits, size limits, and the audit of copies and downloads.
import fc from 'fast-check';
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { anyReadAnswer } from './testing/fake-answers.ts';
import { rawRequest } from '../emulator/testing/raw-http.ts';
import { startTestServer } from './testing/start-test-server.ts';

const PID = '0123456789abcdef0123456789abcdef';
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const seen: { host?: string; url: string }[] = [];
const upstream = Fastify();
upstream.all('/*', async (req) => {
  seen.push({ host: req.headers.host, url: req.url });
  return anyReadAnswer();
});
let upstreamHost = '';
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  await upstream.listen({ host: '127.0.0.1', port: 0 });
  upstreamHost = `127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;
  server = await startTestServer({ endpoint: `http://${upstreamHost}`, ...creds });
});
afterAll(async () => {
  await server.close();
  await upstream.close();
});

const ALLOWED_UPSTREAM =
  /^\/v1\/[0-9a-f]{32,64}\/secrets(\/[A-Za-z0-9_-]{1,64}(\/versions(\/(v[0-9]{1,10}|latest))?|\/stages\/[A-Za-z0-9_-]{1,64})?)?(\?((limit|marker|event_name)=[A-Za-z0-9_-]+&?)*)?$/;

const segment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2F',
    '%2f..',
    '..%2F',
    '%5C',
    '\\',
    '%00',
    '%0d%0a',
    '//',
    '@evil.example',
    'http:',
    '%252F',
    'v1',
    'latest',
    'SYSCURRENT',
    '__proto__',
    'a'.repeat(65),
    '%E2%80%AE',
    ' ',
    '?',
    '#',
    ';',
    '%3F',
  ),
  fc.string({ minLength: 0, maxLength: 12 }).map(encodeURIComponent),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/),
);
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?limit=1',
    '?limit=0',
    '?limit=99999',
    '?marker=../x',
    '?marker=a%2Fb',
    '?event_name=%0d%0a',
    '?x=1',
    '?limit=1&limit=2',
    '?__proto__=1',
    '?marker=v1',
  ),
  fc
    .tuple(fc.constantFrom('limit', 'marker', 'event_name', 'host', 'endpoint'), fc.string({ maxLength: 10 }))
    .map(([k, v]) => `?${k}=${encodeURIComponent(v)}`),
);
/** Spellings of the API prefix a router may read as `/api/v1` (or not): each meets the guards. */
const prefix = fc.constantFrom(
  '/api/v1',
  '/%61pi/v1',
  '/api/%761',
  '/%61%70%69/%76%31',
  '{origin}/api/v1',
  'http://evil.example/api/v1',
  '//api/v1',
  '/api//v1',
  '/API/v1',
  '/api/v1/.',
);
const shape = fc.constantFrom(
  '',
  '/{a}',
  '/{a}/versions',
  '/{a}/versions/{b}',
  '/{a}/stages/{b}',
  '/{a}/{b}',
  '/{a}/{b}/{c}',
  '{a}',
  '/../{a}',
);

describe('fuzzing the proxy', () => {
  it('never calls another host or path, never answers 5xx, always refuses with a CSMS body', async () => {
    await fc.assert(
      fc.asyncProperty(prefix, shape, segment, segment, segment, query, fc.boolean(), async (p, s, a, b, c, q, fromApp) => {
        const before = seen.length;
        const path = `${p.replace('{origin}', server.url)}/${PID}/secrets${s.replace('{a}', a).replace('{b}', b).replace('{c}', c)}${q}`;
        const target = `${fromApp ? 'app' : 'no header'}: ${path}`;
        const res = await rawRequest(server.url, 'GET', path, fromApp ? { 'x-console-request': '1' } : {}).catch(() => null);
        if (!res) return; // the server closed the connection on a request it could not read
        expect(res.status, target).toBeLessThan(500);
        // Without the app's header, whatever the spelling, nothing reaches the upstream.
        if (!fromApp) expect(seen.length, target).toBe(before);
        for (const call of seen.slice(before)) {
          expect(call.host, target).toBe(upstreamHost);
          expect(call.url, target).toMatch(ALLOWED_UPSTREAM);
        }
        if (res.status >= 400 && res.status !== 429) {
          // A path that is no API at all gets the app's not-found page; anything else a CSMS body.
          if (res.headers['content-type']?.startsWith('text/html')) expect(res.status, target).toBe(404);
          else {
            const body = JSON.parse(res.body);
            expect(typeof body.error_code, target).toBe('string');
            expect(body.error_msg.length, target).toBeGreaterThan(5);
          }
        }
      }),
      { numRuns: 1200 },
    );
  }, 120_000);

  it('refuses every other method on the read paths with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
      const res = await request(`${server.url}/api/v1/${PID}/secrets/x/versions/v1`, { method, headers: { 'x-console-request': '1' } });
      expect(res.statusCode, method).toBe(405);
      await res.body.dump();
    }
  });
});

describe('limits', () => {
  it('rate limits value reads per client with Retry-After, and nothing else', async () => {
    const limited = await startTestServer({ endpoint: `http://${upstreamHost}`, ...creds }, { valueReadsPerMinute: 3 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await limited.get(`/api/v1/${PID}/secrets/limited/versions/v1`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last!.json()) as { error_code: string }).error_code).toBe('CONSOLE.0429');
    expect((await limited.get(`/api/v1/${PID}/secrets/limited`)).status).toBe(200);
    const lines = limited.auditLines();
    expect(lines.filter((l) => l.secret === 'limited').map((l) => l.outcome)).toEqual(['ok', 'ok', 'ok', 'rate-limited']);
    await limited.close();
  });

  it('refuses oversized headers and bodies', async () => {
    const big = await request(`${server.url}/api/config`, { headers: { 'x-console-request': '1', 'x-filler': 'a'.repeat(20_000) } });
    expect(big.statusCode).toBe(431);
    await big.body.dump();
    const body = await fetch(`${server.url}/api/audit`, {
      method: 'POST',
      headers: { 'x-console-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'a'.repeat(5000) }),
    });
    expect(body.status).toBe(413);
  });
});

describe('the audit of copies and downloads', () => {
  const report = (body: unknown, headers: Record<string, string> = { 'x-console-request': '1' }) =>
    fetch(`${server.url}/api/audit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('writes one line per reported copy or download, ids only', async () => {
    expect((await report({ action: 'copy', project_id: PID, secret_name: 'db', version_id: 'v2' })).status).toBe(204);
    expect((await report({ action: 'download', project_id: PID, secret_name: 'ks', version_id: 'v1' })).status).toBe(204);
    const lines = server.auditLines();
    expect(lines.at(-2)).toMatchObject({
      event: 'secret.value.copy',
      project: PID,
      secret: 'db',
      version: 'v2',
      outcome: 'reported',
      client_ip: '127.0.0.1',
      who: `ak:${creds.accessKey}`,
    });
    expect(lines.at(-1)).toMatchObject({ event: 'secret.value.download', secret: 'ks' });
  });

  it('refuses anything else: extra fields (a value), bad ids, CR/LF, cross-site', async () => {
    for (const body of [
      { action: 'copy', project_id: PID, secret_name: 'db', version_id: 'v1', value: 'leak' },
      { action: 'read', project_id: PID, secret_name: 'db', version_id: 'v1' },
      { action: 'copy', project_id: PID, secret_name: 'db\r\n{"forged":1}', version_id: 'v1' },
      { action: 'copy', project_id: 'x', secret_name: 'db', version_id: 'v1' },
      'copy',
    ])
      expect((await report(body)).status, JSON.stringify(body)).toBe(400);
    expect((await report({ action: 'copy', project_id: PID, secret_name: 'db', version_id: 'v1' }, {})).status).toBe(403);
    expect(readFileSync(server.auditLog, 'utf8')).not.toMatch(/leak|forged/);
  });
});
