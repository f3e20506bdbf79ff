// The emulator under attack: authentication on every route as the router matched it, test-only
// routes only when turned on, fault rules that cannot stall it, GET bodies in the signature,
// ListSecrets filtered in SQL, its files kept to their owner, and an IAM that gives nothing away.
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../shared/signer.ts';
import { EMULATOR_DEFAULTS } from './config.ts';
import { startEmulator } from './emulator.ts';
import { createService } from './service.ts';
import { openStore } from './store.ts';
import { rawRequest } from './testing/raw-http.ts';
import { randomProjectId, startTestEmulator } from './testing/start-test-emulator.ts';

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
const pid = randomProjectId();
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
beforeAll(async () => {
  emulator = await startTestEmulator();
  const csms = emulator.clientFor(pid);
  await csms.createSecret({ name: 'db', secret_string: 'VALUE-ONE' });
  await csms.createVersion('db', { secret_string: 'VALUE-TWO', version_stages: ['NEXT'] });
});
afterAll(() => emulator.close());

describe('authentication, whatever the spelling of the path', () => {
  const host = () => new URL(emulator.url).host;
  const json = { 'Content-Type': 'application/json' };
  const attempts = () => [
    ['GET', `/%761/${pid}/secrets/db/versions/latest`],
    ['GET', `/v1/${pid}/secrets/db/versions/%6catest`],
    ['GET', `http://${host()}/v1/${pid}/secrets/db/versions/latest`],
    ['GET', `http://elsewhere.example/v1/${pid}/secrets/db/versions/v1`],
    ['POST', `/%761/${pid}/secrets/db/versions`, '{"secret_string":"FORGED"}'],
    ['POST', `http://${host()}/v1/${pid}/secrets/db/versions`, '{"secret_string":"FORGED"}'],
    ['PUT', `/%761/${pid}/secrets/db/stages/SYSCURRENT`, '{"version_id":"v2"}'],
    ['PUT', `http://${host()}/v1/${pid}/secrets/db/stages/SYSCURRENT`, '{"version_id":"v2"}'],
    ['DELETE', `/%761/${pid}/secrets/db/stages/NEXT`],
    ['GET', `/%763/auth/projects`],
  ];

  it('refuses every unauthenticated spelling, and none of them reads or changes anything', async () => {
    for (const [method, target, body] of attempts()) {
      const res = await rawRequest(emulator.url, method!, target!, body ? json : {}, body);
      expect([401, 404], `${method} ${target}`).toContain(res.status);
      expect(res.body, `${method} ${target}`).not.toMatch(/VALUE-|"version"/);
    }
    const csms = emulator.clientFor(pid);
    const versions = (await csms.listVersions('db')).body.version_metadatas;
    expect(versions.map((v: { id: string }) => v.id)).toEqual(['v2', 'v1']);
    expect((await csms.showStage('db', 'SYSCURRENT')).body.stage.version_id).toBe('v1');
    expect((await csms.showStage('db', 'NEXT')).status).toBe(200);
  });

  it('still serves a signed request with an encoded path, as the cloud does', async () => {
    const url = new URL(`${emulator.url}/v1/${pid}/secrets/db`);
    const headers = signedHeaders(creds, { method: 'GET', url });
    const res = await rawRequest(emulator.url, 'GET', `/%761/${pid}/secrets/db`, headers);
    expect(res.status).toBe(200);
  });
});

describe('the test-only routes', () => {
  it('do not exist unless turned on, under any spelling', async () => {
    const plain = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      dbPath: ':memory:',
      seed: 'none',
      faults: false,
      auth: { ...EMULATOR_DEFAULTS },
    });
    try {
      const host = new URL(plain.url).host;
      const rule = JSON.stringify({ path: '/secrets', status: 500, count: 100 });
      for (const target of ['/emulator/faults', '/%65mulator/faults', `http://${host}/emulator/faults`, '//emulator/faults'])
        expect((await rawRequest(plain.url, 'POST', target, { 'Content-Type': 'application/json' }, rule)).status, target).toBe(404);
      for (const target of ['/emulator/requests', `/emulator/v1/${pid}/secrets/db/state`, '/emulator/iam/expire-tokens'])
        expect((await rawRequest(plain.url, 'GET', target)).status, target).toBe(404);
      const headers = signedHeaders(creds, { method: 'GET', url: new URL(`${plain.url}/v1/${pid}/secrets`) });
      expect((await fetch(`${plain.url}/v1/${pid}/secrets`, { headers })).status).toBe(200);
    } finally {
      await plain.close();
    }
  });

  it('take only literal fault paths: no regular expression can stall the process', async () => {
    for (const path of ['(a+)+$', '^(\\w+\\s?)*$', '.*.*.*.*=', `/${'a'.repeat(400)}`, ''])
      await expect(emulator.admin.addFault({ path, status: 500 }), path).rejects.toThrow(/HTTP 400/);
    await emulator.admin.addFault({ path: `^/v1/${pid}/secrets/db$`, status: 503 });
    const headers = signedHeaders(creds, { method: 'GET', url: new URL(`${emulator.url}/v1/${pid}/secrets/db`) });
    expect((await fetch(`${emulator.url}/v1/${pid}/secrets/db`, { headers })).status).toBe(503);
    expect((await fetch(`${emulator.url}/v1/${pid}/secrets/db`, { headers })).status).toBe(200);
  });
});

describe('signatures', () => {
  it('cover the body of a GET, as the official SDK signs `{}` on some GETs', async () => {
    const url = new URL(`${emulator.url}/v1/${pid}/secrets/db`);
    const headers = signedHeaders(creds, { method: 'GET', url, headers: { 'Content-Type': 'application/json' }, data: {} });
    expect((await rawRequest(emulator.url, 'GET', url.pathname, headers, '{}')).status).toBe(200);
    // The same signature over different bytes is refused.
    expect((await rawRequest(emulator.url, 'GET', url.pathname, headers, '{"a":1}')).status).toBe(401);
  });
});

describe('ListSecrets with event_name', () => {
  it('reads one page of matching rows from the database, not the whole project', () => {
    const store = openStore(':memory:');
    let rowsRead = 0;
    const counted = {
      ...store,
      secretsAfter: (...args: Parameters<typeof store.secretsAfter>) => {
        const rows = store.secretsAfter(...args);
        rowsRead += rows.length;
        return rows;
      },
    };
    const service = createService(counted, Buffer.alloc(32, 7));
    const project = randomProjectId();
    for (let i = 0; i < 2000; i++)
      service.createSecret(project, {
        name: `s${String(i).padStart(4, '0')}`,
        secret_string: 'x',
        ...(i % 100 === 0 && { event_subscriptions: ['rotation-alerts'] }),
      });
    rowsRead = 0;
    const first = service.listSecrets(project, { limit: 5, eventName: 'rotation-alerts' });
    expect(first.secrets.map((s) => s.name)).toEqual(['s0000', 's0100', 's0200', 's0300', 's0400']);
    expect(first.page_info.next_marker).toBe('s0400');
    const last = service.listSecrets(project, { limit: 50, marker: 's1500', eventName: 'rotation-alerts' });
    expect(last.secrets.map((s) => s.name)).toEqual(['s1600', 's1700', 's1800', 's1900']);
    expect(last.page_info.next_marker).toBeUndefined();
    expect(rowsRead).toBe(6 + 4);
    store.close();
  });
});

describe('files', () => {
  it('keeps the database to its owner, and refuses a master key others can read', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'csms-modes-')), 'data');
    const dbPath = join(dir, 'csms.sqlite');
    const config = { host: '127.0.0.1', port: 0, dbPath, seed: 'demo', faults: false, auth: { ...EMULATOR_DEFAULTS } };
    const running = await startEmulator(config);
    await running.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of [dbPath, `${dbPath}.master-key`]) expect(statSync(file).mode & 0o777, file).toBe(0o600);
    chmodSync(dbPath, 0o644);
    const again = await startEmulator(config);
    await again.close();
    expect(statSync(dbPath).mode & 0o777).toBe(0o600);
    chmodSync(`${dbPath}.master-key`, 0o644);
    await expect(startEmulator(config)).rejects.toThrow(/can be read by others/);
  });
});
