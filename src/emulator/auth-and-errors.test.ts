// Authentication like the cloud, the documented error bodies, and fault injection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, serviceOf, type OperationName } from '../shared/operations.ts';
import { EMULATOR_DEFAULTS } from './config.ts';
import type { FaultRule } from './testing/admin-client.ts';
import { signRequest } from './testing/csms-client.ts';
import { expectValid, SPEC_DIR } from './testing/openapi.ts';
import { randomProjectId, startTestEmulator } from './testing/start-test-emulator.ts';

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
const pid = randomProjectId();
beforeAll(async () => {
  emulator = await startTestEmulator();
  await emulator.clientFor(pid).createSecret({ name: 'api-key', secret_string: 'value-1' });
});
afterAll(() => emulator.close());

const url = (path: string) => new URL(`${emulator.url}/v1/${pid}/secrets${path}`);
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };

describe('authentication', () => {
  it('accepts the configured token and refuses any other', async () => {
    const ok = await fetch(url('/api-key'), { headers: { 'X-Auth-Token': EMULATOR_DEFAULTS.token } });
    expect(ok.status).toBe(200);
    const bad = await fetch(url('/api-key'), { headers: { 'X-Auth-Token': `${EMULATOR_DEFAULTS.token}x` } });
    expect(bad.status).toBe(401);
    const body = (await bad.json()) as any;
    expect(body).toMatchObject({ error_code: 'APIGW.0301', request_id: bad.headers.get('x-request-id') });
  });

  it('refuses an unsigned request, a tampered signature and a wrong secret key', async () => {
    expect((await fetch(url('/api-key'))).status).toBe(401);
    const headers = signRequest(creds, 'GET', url('/api-key'));
    // One hex digit changed (to another digit, whatever it was).
    const tampered = {
      ...headers,
      Authorization: headers.Authorization!.replace(/Signature=(.)/, (_, c: string) => `Signature=${c === '0' ? '1' : '0'}`),
    };
    expect((await fetch(url('/api-key'), { headers: tampered })).status).toBe(401);
    // Signed for one path, sent to another.
    expect((await fetch(url('/other'), { headers })).status).toBe(401);
    const wrongKey = signRequest({ ...creds, secretKey: 'not-the-key' }, 'GET', url('/api-key'));
    expect((await fetch(url('/api-key'), { headers: wrongKey })).status).toBe(401);
  });

  it('refuses a body changed after signing', async () => {
    const target = url('/api-key/versions');
    const headers = signRequest(creds, 'POST', target, { secret_string: 'signed' });
    const res = await fetch(target, { method: 'POST', headers, body: JSON.stringify({ secret_string: 'swapped' }) });
    expect(res.status).toBe(401);
  });

  it('answers a signature more than 15 minutes old with APIGW.0303', async () => {
    const target = url('/api-key');
    const old = new Date(Date.now() - 20 * 60_000)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const { AKSKSigner } = await import('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js');
    const signed = AKSKSigner.sign(
      { method: 'GET', endpoint: `${target.origin}${target.pathname}`, queryParams: {}, headers: { 'X-Sdk-Date': old } } as never,
      { getAk: () => creds.accessKey, getSk: () => creds.secretKey } as never,
    ) as Record<string, string>;
    const { host: _host, ...headers } = signed;
    const res = await fetch(target, { headers });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error_code).toBe('APIGW.0303');
  });
});

describe('error bodies', () => {
  const send = (method: string, path: string, body: string, contentType = 'application/json') => {
    // Token auth: the official signer can only sign bodies it serialises itself.
    return fetch(url(path), { method, headers: { 'X-Auth-Token': EMULATOR_DEFAULTS.token, 'Content-Type': contentType }, body });
  };

  it('answers invalid JSON, a non-object body and a wrong content type with CSMS.0004', async () => {
    for (const [body, type] of [
      ['{oops', 'application/json'],
      ['[1,2]', 'application/json'],
      ['name=x', 'application/x-www-form-urlencoded'],
    ] as const) {
      const res = await send('POST', '', body, type);
      expect(res.status).toBe(400);
      const error = (await res.json()) as any;
      expect(error.error_code).toBe('CSMS.0004');
      expectValid('CreateSecret', 400, error);
    }
  });

  it('checks path parameters and never shows a stack trace', async () => {
    const token = { 'X-Auth-Token': EMULATOR_DEFAULTS.token };
    for (const path of [
      '/bad%20name',
      '/api-key/versions/v1x',
      '/api-key/versions/..',
      `/${'a'.repeat(65)}`,
      '/api-key/stages/bad%2Fstage',
    ]) {
      const res = await fetch(url(path), { headers: token });
      const text = await res.text();
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(text).not.toMatch(/at .*\.ts:\d+|Error:/);
      expect(JSON.parse(text)).toHaveProperty('error_code');
    }
    const badProject = await fetch(`${emulator.url}/v1/not-a-project/secrets`, { headers: token });
    expect([badProject.status, ((await badProject.json()) as any).error_code]).toEqual([400, 'CSMS.0002']);
    const noRoute = await fetch(`${emulator.url}/v2/whatever`, { headers: token });
    expect([noRoute.status, ((await noRoute.json()) as any).error_code]).toEqual([404, 'APIGW.0101']);
  });
});

describe('fault injection', () => {
  const addFault = (rule: FaultRule) => emulator.admin.addFault(rule);
  const token = { 'X-Auth-Token': EMULATOR_DEFAULTS.token };

  it('answers the next N matching requests with the given status and body, then recovers', async () => {
    await addFault({
      path: '/secrets/api-key$',
      count: 2,
      status: 503,
      body: { error_code: 'CSMS.0001', error_msg: 'down' },
      headers: { 'Retry-After': '3' },
    });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(url('/api-key'), { headers: token });
      expect([res.status, res.headers.get('retry-after')]).toEqual([503, '3']);
      expect((await res.json()) as any).toEqual({ error_code: 'CSMS.0001', error_msg: 'down' });
    }
    expect((await fetch(url('/api-key'), { headers: token })).status).toBe(200);
  });

  it('ends a fault when it is removed, before its count runs out', async () => {
    const { id } = await addFault({ path: '/secrets/api-key$', count: 100, status: 503 });
    expect((await fetch(url('/api-key'), { headers: token })).status).toBe(503);
    await emulator.admin.removeFault(id);
    expect((await fetch(url('/api-key'), { headers: token })).status).toBe(200);
  });

  it('sends malformed bodies, delays and resets connections', async () => {
    await addFault({ path: '/api-key$', malformed: true });
    const malformed = await fetch(url('/api-key'), { headers: token });
    await expect(malformed.json() as any).rejects.toThrow();

    await addFault({ path: '/api-key$', delay_ms: 300 });
    const started = Date.now();
    expect((await fetch(url('/api-key'), { headers: token })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);

    await addFault({ path: '/api-key$', reset: true });
    await expect(fetch(url('/api-key'), { headers: token })).rejects.toThrow();
  });

  it('logs the requests that reached it, by project', async () => {
    const mine = randomProjectId();
    await fetch(`${emulator.url}/v1/${mine}/secrets/some-secret`, { headers: token });
    await fetch(`${emulator.url}/v1/${randomProjectId()}/secrets/some-secret`, { headers: token });
    expect(await emulator.admin.requests(mine)).toEqual([
      expect.objectContaining({ method: 'GET', path: `/v1/${mine}/secrets/some-secret`, project: mine, status: 404 }),
    ]);
  });
});

describe('the definitions', () => {
  it('catch an answer of the wrong shape', () => {
    expect(() => expectValid('ShowSecret', 200, { secret: { create_time: 'yesterday' } })).toThrow(/does not match/);
    expect(() => expectValid('ShowSecret', 404, { error_code: 'CSMS.0005' })).toThrow(/does not match/);
  });

  it("describe every operation of the table on the table's own method and path", () => {
    for (const name of Object.keys(OPERATIONS) as OperationName[]) {
      const operation = OPERATIONS[name];
      // Another service's definitions carry its name: CTS-ListTraces.json.
      const file = serviceOf(name) === 'csms' ? `${name}.json` : `${serviceOf(name).toUpperCase()}-${name}.json`;
      const doc = JSON.parse(readFileSync(join(SPEC_DIR, file), 'utf8')) as { method: string; paths: Record<string, unknown> };
      // The API Explorer writes one fixed segment as a parameter: /csms/{resource_instances}/action.
      const paths = Object.keys(doc.paths).map((path) =>
        path.replace(/\{([a-z_]+)\}/g, (param, segment: string) => (operation.path.includes(param) ? param : segment)),
      );
      expect({ method: doc.method, paths }, name).toEqual({ method: operation.method.toLowerCase(), paths: [operation.path] });
    }
  });
});
