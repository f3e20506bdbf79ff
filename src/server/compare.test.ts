// Compare without revealing: the server reads both values and answers only their shape and
// fingerprints; each value read is audited and counts against the person's value-read allowance;
// a side that cannot be read says why while the other shows what it can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../shared/console-api.ts';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { startTestServer } from './testing/start-test-server.ts';

const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const CANARY = 'CMPCANARY';
const compares = (lines: Record<string, unknown>[]) => lines.filter((l) => l.event === 'secret.value.compare');

describe('compare', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const pid = randomProjectId();
  const other = randomProjectId();
  const compare = async (a: string, b: string) => {
    const res = await server.get(`/api/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
    const text = await res.text();
    expect(text).not.toContain(CANARY);
    return { status: res.status, body: JSON.parse(text) as CompareResult & { error_code?: string; error_msg?: string } };
  };
  beforeAll(async () => {
    emulator = await startTestEmulator();
    const csms = emulator.clientFor(pid);
    await csms.createSecret({ name: 'db', secret_string: JSON.stringify({ user: 'app', password: `${CANARY}-1`, port: 5432 }) });
    await csms.createVersion('db', { secret_string: JSON.stringify({ user: 'app', password: `${CANARY}-2`, port: '5432', tls: true }) });
    await csms.createVersion('db', { secret_string: JSON.stringify({ port: 5432, password: `${CANARY}-1`, user: 'app' }) });
    await csms.createSecret({ name: 'notes', secret_string: `${CANARY}\nline two\n` });
    await csms.createSecret({ name: 'cert', secret_binary: Buffer.from(`${CANARY}-binary`).toString('base64') });
    await csms.createSecret({ name: 'off', secret_string: `${CANARY}-off` });
    await emulator.admin.setState(pid, 'off', 'DISABLED');
    await emulator
      .clientFor(other)
      .createSecret({ name: 'db', secret_string: JSON.stringify({ user: 'app', password: `${CANARY}-1`, port: 5432 }) });
    server = await startTestServer({ endpoint: emulator.url, ...creds }, { valueReadsPerMinute: 1000 });
  });
  afterAll(async () => {
    await server.close();
    await emulator.close();
  });

  it('says key by key what changed between two JSON versions, with no value and no length', async () => {
    const { status, body } = await compare(`${pid}/db/v1`, `${pid}/db/v2`);
    expect(status).toBe(200);
    expect(body.equal).toBe(false);
    expect(body.keys).toEqual([
      { path: ['user'], a: 'string', b: 'string', change: 'equal' },
      { path: ['password'], a: 'string', b: 'string', change: 'changed' },
      { path: ['port'], a: 'number', b: 'string', change: 'changed' },
      { path: ['tls'], b: 'boolean', change: 'added' },
    ]);
    expect(body.a).toMatchObject({ ok: true, kind: 'json', version_id: 'v1', fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(JSON.stringify(body)).not.toMatch(/length|5432|"app"/);
    expect(body.a.ok && body.b.ok && body.a.fingerprint).not.toBe(body.b.ok && body.b.fingerprint);
  });

  it('resolves stages, and says equal across secrets and projects with equal fingerprints', async () => {
    const { body } = await compare(`${pid}/db/SYSCURRENT`, `${other}/db/v1`);
    expect(body.a).toMatchObject({ ok: true, version_id: 'v3', version_stages: ['SYSCURRENT'] });
    // v3 holds v1's value in another key order: not the same text, so not equal; the keys all are.
    expect(body.equal).toBe(false);
    expect(body.keys?.every((k) => k.change === 'equal')).toBe(true);
    const same = await compare(`${pid}/db/v1`, `${other}/db/v1`);
    expect(same.body.equal).toBe(true);
    expect(same.body.a.ok && same.body.a.fingerprint).toBe(same.body.b.ok && same.body.b.fingerprint);
  });

  it('gives the line count of text and the size of a binary, never equal across kinds', async () => {
    const { body } = await compare(`${pid}/notes/latest`, `${pid}/cert/v1`);
    expect(body.a).toMatchObject({ ok: true, kind: 'text', lines: 2 });
    expect(body.b).toMatchObject({ ok: true, kind: 'binary', size: `${CANARY}-binary`.length });
    expect(body.equal).toBe(false);
    expect(body.keys).toBeUndefined();
  });

  it('says which side failed and why, and shows the other', async () => {
    const missing = await compare(`${pid}/db/v1`, `${pid}/db/v9`);
    expect(missing.status).toBe(200);
    expect(missing.body.equal).toBeNull();
    expect(missing.body.a).toMatchObject({ ok: true, kind: 'json' });
    expect(missing.body.b).toMatchObject({ ok: false, status: 404, ref: { secret_name: 'db', ref: 'v9' } });
    const noStage = await compare(`${pid}/db/NOPE`, `${pid}/db/v1`);
    expect(noStage.body.a).toMatchObject({ ok: false, status: 404 });
    const disabled = await compare(`${pid}/off/v1`, `${pid}/db/v1`);
    expect(disabled.body.a).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('DISABLED') });
    const unknownProject = await compare(`${pid}/db/v1`, `${'f'.repeat(32)}/db/v1`);
    expect(unknownProject.body.b).toMatchObject({ ok: false });
    expect(unknownProject.body.a).toMatchObject({ ok: true });
  });

  it('refuses a malformed or missing side before any read, in the CSMS error shape', async () => {
    const before = compares(server.auditLines()).length;
    for (const query of [
      'a=v1',
      `a=${pid}/db/v1&b=..%2Fx`,
      `a=${pid}/db/v1&b=${pid}/db/v1&c=1`,
      `a=${pid}/db/v1&a=${pid}/db/v2&b=${pid}/db/v1`,
    ]) {
      const res = await server.get(`/api/compare?${query}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error_code: 'CSMS.0002', error_msg: expect.any(String) });
    }
    const audited = compares(server.auditLines()).slice(before);
    expect(audited.every((l) => l.outcome === 'invalid')).toBe(true);
  });

  it('audits one line per version read, stages resolved', async () => {
    const before = compares(server.auditLines()).length;
    await compare(`${pid}/db/SYSPREVIOUS`, `${pid}/db/v1`);
    expect(
      compares(server.auditLines())
        .slice(before)
        .map((l) => [l.secret, l.version, l.outcome, l.status]),
    ).toEqual([
      ['db', 'v2', 'ok', 200],
      ['db', 'v1', 'ok', 200],
    ]);
  });
});

describe('the value-read allowance', () => {
  it('is shared by compares (two reads each) and reveals; a refused compare is audited, an anonymous one tallied', async () => {
    const emulator = await startTestEmulator();
    const pid = randomProjectId();
    await emulator.clientFor(pid).createSecret({ name: 'db', secret_string: CANARY });
    const server = await startTestServer({ endpoint: emulator.url, ...creds }, { valueReadsPerMinute: 3 });
    try {
      const ask = (path: string) => server.get(path).then((r) => r.status);
      expect(await ask(`/api/compare?a=${pid}/db/v1&b=${pid}/db/SYSCURRENT`)).toBe(200);
      expect(await ask(`/api/compare?a=${pid}/db/v1&b=${pid}/db/v1`)).toBe(429);
      expect(await ask(`/api/v1/${pid}/secrets/db/versions/v1`)).toBe(200);
      expect(await ask(`/api/v1/${pid}/secrets/db/versions/v1`)).toBe(429);
      const lines = server.auditLines().filter((l) => String(l.event).startsWith('secret.value.'));
      expect(lines.map((l) => [l.event, l.outcome])).toEqual([
        ['secret.value.compare', 'ok'],
        ['secret.value.compare', 'ok'],
        ['secret.value.compare', 'rate-limited'],
        ['secret.value.compare', 'rate-limited'],
        ['secret.value.read', 'ok'],
        ['secret.value.read', 'rate-limited'],
      ]);
      // Refused by a gate before anyone is identified: counted, and told in one line a minute.
      const res = await fetch(`${server.url}/api/compare?a=${pid}/db/v1&b=${pid}/db/v2`);
      expect(res.status).toBe(403);
      expect(compares(server.auditLines())).toHaveLength(4);
      await server.close();
      expect(server.auditLines().at(-1)).toMatchObject({ event: 'console.refused', client_ip: '127.0.0.1', count: 1 });
    } finally {
      await server.close();
      await emulator.close();
    }
  });
});

describe('fingerprints', () => {
  it('are the same across starts with CONSOLE_FINGERPRINT_KEY, and differ without it', async () => {
    const emulator = await startTestEmulator();
    const pid = randomProjectId();
    await emulator.clientFor(pid).createSecret({ name: 'db', secret_string: CANARY });
    const printWith = async (fingerprintKey?: string) => {
      const server = await startTestServer({ endpoint: emulator.url, ...creds }, { fingerprintKey });
      try {
        const body = (await (await server.get(`/api/compare?a=${pid}/db/v1&b=${pid}/db/v1`)).json()) as CompareResult;
        return body.a.ok ? body.a.fingerprint : null;
      } finally {
        await server.close();
      }
    };
    try {
      const key = 'k'.repeat(32);
      expect(await printWith(key)).toBe(await printWith(key));
      expect(await printWith()).not.toBe(await printWith());
    } finally {
      await emulator.close();
    }
  });
});
