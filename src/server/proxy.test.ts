// The console server as a proxy: the real path to the emulator (signed with the official signer),
// and a recording upstream for what the emulator cannot show (what exactly leaves, hangs, junk).
import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { fakeSecret } from './testing/fake-answers.ts';
import { startTestServer } from './testing/start-test-server.ts';

const pid = randomProjectId();
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const csms = emulator.clientFor(pid);
  await csms.createSecret({ name: 'db', secret_string: 'VALUE-CANARY-1' });
  await csms.createVersion('db', { secret_string: 'VALUE-CANARY-2', version_stages: ['CANARY'] });
  server = await startTestServer({ endpoint: emulator.url, ...creds });
});
afterAll(async () => {
  await server.close();
  await emulator.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'x-console-request': '1', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the secret reads, end to end', () => {
  it('forwards each one, signed, and passes the answer on', async () => {
    const list = await server.get(`/api/v1/${pid}/secrets?limit=10`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as any).secrets[0].name).toBe('db');
    expect(((await (await server.get(`/api/v1/${pid}/secrets/db`)).json()) as any).secret.name).toBe('db');
    expect(((await (await server.get(`/api/v1/${pid}/secrets/db/versions?limit=1`)).json()) as any).page_info.next_marker).toBe('v2');
    expect(((await (await server.get(`/api/v1/${pid}/secrets/db/stages/CANARY`)).json()) as any).stage.version_id).toBe('v2');
    const value = await server.get(`/api/v1/${pid}/secrets/db/versions/latest`);
    expect(((await value.json()) as any).version.secret_string).toBe('VALUE-CANARY-2');
    expect(value.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('passes upstream errors on in the CSMS shape with the request id', async () => {
    const res = await server.get(`/api/v1/${pid}/secrets/missing`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as any;
    expect(body).toEqual({ error_code: 'CSMS.0106', error_msg: expect.any(String), request_id: res.headers.get('x-request-id') });
  });

  it('writes one audit line per value read, never the value', async () => {
    await server.get(`/api/v1/${pid}/secrets/db/versions/v1`);
    await server.get(`/api/v1/${pid}/secrets/nope/versions/v1`);
    const lines = server.auditLines();
    expect(lines.at(-2)).toMatchObject({
      event: 'secret.value.read',
      who: `ak:${creds.accessKey}`,
      client_ip: '127.0.0.1',
      project: pid,
      secret: 'db',
      version: 'v1',
      outcome: 'ok',
      status: 200,
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(lines.at(-1)).toMatchObject({ secret: 'nope', outcome: 'not-found', status: 404 });
    expect(lines.every((l) => typeof l.time === 'string' && l.time.endsWith('Z'))).toBe(true);
    expect(readFileSync(server.auditLog, 'utf8')).not.toContain('VALUE-CANARY');
  });
});

describe('the operational reads, end to end', () => {
  it('forwards tags, tasks, events and notification records, each answer checked', async () => {
    const csms = emulator.clientFor(pid);
    const secretId = (await csms.showSecret('db')).body.secret.id;
    await csms.createTag(secretId, { tag: { key: 'team', value: 'orders' } });
    await emulator.admin.addTask(pid, { secret_name: 'db', task_status: 'FAILED', attempt_nums: 2, task_error_msg: 'timed out' });
    await emulator.addRotationAlert(pid, 'db');
    const json = async (path: string) => (await (await server.get(path)).json()) as any;
    expect((await json(`/api/v1/${pid}/csms/${secretId}/tags`)).tags).toEqual([{ key: 'team', value: 'orders' }]);
    expect((await json(`/api/v1/${pid}/csms/tags`)).tags).toEqual([{ key: 'team', values: ['orders'] }]);
    expect((await json(`/api/v1/${pid}/csms/tasks?status=FAILED`)).tasks).toEqual([
      expect.objectContaining({ secret_name: 'db', attempt_nums: 2 }),
    ]);
    expect((await json(`/api/v1/${pid}/csms/events`)).events.map((e: { name: string }) => e.name)).toEqual(['alerts']);
    expect((await json(`/api/v1/${pid}/csms/events/alerts`)).event.name).toBe('alerts');
    expect((await json(`/api/v1/${pid}/csms/notification-records`)).records).toHaveLength(1);
    const found = await post(`/api/v1/${pid}/csms/resource_instances/action`, {
      action: 'filter',
      tags: [{ key: 'team', values: ['orders'] }],
    });
    expect(found.status).toBe(200);
    expect(((await found.json()) as any).resources.map((r: { resource_name: string }) => r.resource_name)).toEqual(['db']);
  });

  it('takes only ListResourceInstances as a POST, its body checked and rebuilt', async () => {
    const path = `/api/v1/${pid}/csms/resource_instances/action`;
    for (const body of [
      { action: 'delete' },
      { action: 'filter', limit: '5000' },
      { action: 'filter', extra: 'value' },
      { action: 'count', tags: [] },
      'not json',
    ]) {
      const res = await post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as any).error_code).toBe('CSMS.0004');
    }
    expect((await server.get(path)).status).toBe(405);
    expect((await post(`/api/v1/${pid}/csms/tags`, {})).status).toBe(405);
    expect((await post(`/api/v1/${pid}/csms/events`, { name: 'x' })).status).toBe(405);
  });
});

describe("KMS's ListKeyDetail", () => {
  it('reads a key by its id, the body checked and rebuilt', async () => {
    const keyId = ((await (await server.get(`/api/v1/${pid}/secrets/db`)).json()) as any).secret.kms_key_id;
    const path = `/api/v1.0/${pid}/kms/describe-key`;
    const found = await post(path, { key_id: keyId });
    expect(found.status).toBe(200);
    expect(((await found.json()) as any).key_info).toMatchObject({ key_id: keyId, key_alias: 'csms/default', key_state: '2' });
    for (const body of [{}, { key_id: 'alias/csms' }, { key_id: keyId, sequence: 'x' }, { key_id: 42 }, 'not json']) {
      const res = await post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as any).error_code).toBe('CSMS.0004');
    }
    expect((await server.get(path)).status).toBe(405);
  });
});

describe('what the proxy refuses', () => {
  it('checks path parameters before any upstream call', async () => {
    for (const path of [
      `/api/v1/${pid}/secrets/bad%20name`,
      `/api/v1/${pid}/secrets/..%2F..%2Fx`,
      `/api/v1/${pid}/secrets/db/versions/x1`,
      `/api/v1/${pid}/secrets/db/stages/a%00b`,
      '/api/v1/NOTHEX/secrets',
    ]) {
      const res = await server.get(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as any).error_code).toBe('CSMS.0002');
    }
  });

  it('allows only the known query parameters', async () => {
    for (const query of ['?limit=0', '?limit=1001', '?marker=a/b', '?foo=1', '?limit=1&limit=2'])
      expect((await server.get(`/api/v1/${pid}/secrets${query}`)).status, query).toBe(400);
    expect((await server.get(`/api/v1/${pid}/secrets/db/versions?marker=v2`)).status).toBe(200);
    expect((await server.get(`/api/v1/${pid}/secrets/db?limit=1`)).status).toBe(400);
  });

  it('answers other methods 405 and other paths 404', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${server.url}/api/v1/${pid}/secrets/db`, { method, headers: { 'x-console-request': '1' } });
      expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET']);
    }
    for (const path of [`/api/v1/${pid}/secrets/db/versions/v1/extra`, `/api/v1/${pid}/other`, '/api/v2/x', `/api/v1/${pid}/secrets//db`]) {
      const res = await server.get(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as any).error_code).toBe('CONSOLE.0404');
    }
  });

  it('refuses cross-site requests and requests without the console header', async () => {
    const path = `/api/v1/${pid}/secrets/db`;
    expect((await server.get(path, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await server.get(path, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await fetch(`${server.url}${path}`)).status).toBe(403);
    const sameOrigin = await server.get(path, { origin: server.url, 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(200);
    // Behind a TLS-terminating proxy the browser's origin is https while the server sees http.
    expect((await server.get(path, { origin: server.url.replace('http:', 'https:') })).status).toBe(200);
    expect((await server.get(path, { origin: 'null' })).status).toBe(403);
    expect((await server.get(path, { origin: `http://evil.example:${new URL(server.url).port}` })).status).toBe(403);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('headers', () => {
  it('sets the security headers on answers and errors alike', async () => {
    const answers = [
      await server.get(`/api/v1/${pid}/secrets/db`),
      await server.get(`/api/v1/${pid}/secrets/x%20y`),
      await server.get('/api/nothing'),
      await fetch(`${server.url}/api/config`),
    ];
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('against a recording upstream', () => {
  const seen: { url: string; headers: Record<string, unknown> }[] = [];
  let mode: 'ok' | 'hang' | 'drip' | 'junk' | 'redirect' | 'gateway-error' | 'kms-error' = 'ok';
  const drips: NodeJS.Timeout[] = [];
  const upstream = Fastify();
  upstream.get('/*', async (req, reply) => {
    seen.push({ url: req.url, headers: req.headers });
    if (mode === 'hang') return new Promise(() => {});
    if (mode === 'drip') {
      // Headers at once, then a byte every 100 ms: each gap within the 300 ms timeout, forever.
      reply.raw.writeHead(200, { 'content-type': 'application/json' });
      reply.raw.write('{');
      drips.push(setInterval(() => reply.raw.write(' '), 100));
      return reply;
    }
    if (mode === 'junk') return reply.type('text/html').send('<html>proxy error</html>');
    if (mode === 'redirect') return reply.redirect('http://elsewhere.example/', 302);
    if (mode === 'gateway-error')
      return reply.code(429).header('retry-after', '7').send({ error_code: 'APIGW.0308', error_msg: 'throttled', request_id: 'gw-1' });
    if (mode === 'kms-error') return reply.code(403).send({ error: { error_code: 'KMS.0403', error_msg: 'denied' } });
    return reply
      .header('set-cookie', 'upstream=1')
      .header('x-request-id', 'up-1')
      .send({ secret: fakeSecret('db') });
  });
  let recorder: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    await upstream.listen({ host: '127.0.0.1', port: 0 });
    recorder = await startTestServer(
      { endpoint: `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`, ...creds },
      { timeoutMs: 300 },
    );
  });
  afterAll(async () => {
    for (const drip of drips) clearInterval(drip);
    await recorder.close();
    await upstream.close();
  });

  it('sends only the checked path, signed, with none of the browser headers', async () => {
    mode = 'ok';
    const res = await recorder.get(`/api/v1/${pid}/secrets/db`, {
      cookie: 'session=abc',
      'x-forwarded-for': '10.0.0.1',
      'x-auth-token': 'browser-token',
      authorization: 'Bearer x',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const request = seen.at(-1)!;
    expect(request.url).toBe(`/v1/${pid}/secrets/db`);
    expect(request.headers).not.toHaveProperty('cookie');
    expect(request.headers).not.toHaveProperty('x-forwarded-for');
    expect(request.headers).not.toHaveProperty('x-auth-token');
    expect(String(request.headers.authorization)).toMatch(
      /^SDK-HMAC-SHA256 Access=CSMSEMULATORAK000001, SignedHeaders=host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('answers a hanging upstream with 504 within the timeout', async () => {
    mode = 'hang';
    const started = Date.now();
    const res = await recorder.get(`/api/v1/${pid}/secrets/db`);
    expect(res.status).toBe(504);
    expect(((await res.json()) as any).error_code).toBe('CONSOLE.0504');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers 504 to an upstream that drips its body: the timeout bounds the whole call', async () => {
    mode = 'drip';
    const started = Date.now();
    const res = await recorder.get(`/api/v1/${pid}/secrets/db`);
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers junk and redirects with 502, never following a redirect', async () => {
    mode = 'junk';
    expect((await recorder.get(`/api/v1/${pid}/secrets/db`)).status).toBe(502);
    mode = 'redirect';
    const count = seen.length;
    const res = await recorder.get(`/api/v1/${pid}/secrets/db`);
    expect([res.status, ((await res.json()) as any).error_code]).toEqual([502, 'CONSOLE.0502']);
    expect(seen.length).toBe(count + 1);
  });

  it('accepts the gateway and KMS error shapes and keeps Retry-After', async () => {
    mode = 'gateway-error';
    const throttled = await recorder.get(`/api/v1/${pid}/secrets/db`);
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await throttled.json()) as any).toEqual({ error_code: 'APIGW.0308', error_msg: 'throttled', request_id: 'gw-1' });
    mode = 'kms-error';
    const denied = await recorder.get(`/api/v1/${pid}/secrets/db`);
    expect([denied.status, ((await denied.json()) as any).error_code]).toEqual([403, 'KMS.0403']);
  });
});

describe('the config endpoint and the app', () => {
  it('tells the app its projects', async () => {
    const projects = [{ id: pid, name: 'test', region: 'cn-north-4' }];
    const withProjects = await startTestServer({ endpoint: emulator.url, ...creds }, { projects });
    const config = (await (await withProjects.get('/api/config')).json()) as any;
    expect(config).toEqual({
      mode: 'emulator',
      auth: 'none',
      user: null,
      projects,
      default_project_id: pid,
      console_key_id: expect.any(String),
    });
    await withProjects.close();
  });

  it('serves index.html for app routes (no-store), assets as immutable, 404 for missing assets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'export {}');
    const app = await startTestServer({ endpoint: emulator.url, ...creds }, { staticDir: dir });
    const page = await fetch(`${app.url}/projects/${pid}/secrets/db`);
    expect([page.status, page.headers.get('cache-control')]).toEqual([200, 'no-store']);
    expect(await page.text()).toContain('<title>app</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = await fetch(`${app.url}/assets/app-abc123.js`);
    expect([asset.status, asset.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${app.url}/anything`, { method: 'POST' })).status).toBe(404);
    await app.close();
  });

  it("sends the build's brotli or gzip copy to a browser that accepts it, the file itself otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-static-'));
    mkdirSync(join(dir, 'assets'));
    const source = `export const big = ${JSON.stringify('x'.repeat(4096))};`;
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), source);
    writeFileSync(join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(source));
    writeFileSync(join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(source));
    const app = await startTestServer({ endpoint: emulator.url, ...creds }, { staticDir: dir });
    const { request } = await import('undici'); // fetch would decode the body and hide the encoding
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['identity', undefined, (b: Buffer) => b],
    ] as const) {
      const res = await request(`${app.url}/assets/app-abc123.js`, { headers: { 'accept-encoding': accept } });
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers.vary?.toString().toLowerCase()).toBe('accept-encoding');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(decode(Buffer.from(await res.body.arrayBuffer())).toString()).toBe(source);
    }
    await app.close();
  });
});
