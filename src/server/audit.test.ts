// The audit trail: every value-read attempt is a line, refused ones included; no name can forge
// or disguise a line; copied request ids are bounded; the lines form a hash chain that a
// changed, removed or inserted line breaks; and a read that cannot be audited is not sent.
import { execFileSync } from 'node:child_process';
import Fastify from 'fastify';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { createAudit } from './audit.ts';
import { GENESIS, hashLine, verifyChain } from './audit-chain.ts';
import { regionRouting } from './routing.ts';
import { anyReadAnswer } from './testing/fake-answers.ts';
import { startTestServer } from './testing/start-test-server.ts';

const PID = '0123456789abcdef0123456789abcdef';
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
let requestId = 'req-0123';
const upstream = Fastify();
upstream.get('/*', async (_req, reply) => reply.header('x-request-id', requestId).send(anyReadAnswer()));
let endpoint = '';
beforeAll(async () => {
  await upstream.listen({ host: '127.0.0.1', port: 0 });
  endpoint = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;
});
afterAll(() => upstream.close());

const reads = (lines: Record<string, unknown>[]) => lines.filter((l) => l.event === 'secret.value.read');

describe('every value-read attempt is audited', () => {
  it('including those refused before any upstream call', async () => {
    const region = [{ name: 'cn-north-4', endpoint }];
    const server = await startTestServer(
      { endpoint, ...creds },
      { routing: regionRouting(region), projects: [{ id: PID, name: 'cn-north-4', region: 'cn-north-4' }], valueReadsPerMinute: 3 },
    );
    try {
      const other = 'fedcba9876543210fedcba9876543210';
      await server.get(`/api/v1/${PID}/secrets/db/versions/v1`); // ok
      await server.get(`/api/v1/${PID}/secrets/db/versions/3`); // an invalid version id
      await server.get(`/api/v1/${other}/secrets/db/versions/v1`); // a project this console does not serve
      await server.get(`/api/v1/${PID}/secrets/db/versions/v2`); // over the limit of 3 a minute
      await fetch(`${server.url}/api/v1/${PID}/secrets/db/versions/v1`); // no console header
      await server.get(`/api/v1/${PID}/secrets/db/versions/v1`, { 'sec-fetch-site': 'cross-site' });
      expect(reads(server.auditLines()).map((l) => [l.version, l.outcome, l.status])).toEqual([
        ['v1', 'ok', 200],
        ['3', 'invalid', 400],
        ['v1', 'not-found', 404],
        ['v2', 'rate-limited', 429],
      ]);
      expect(reads(server.auditLines())[0]).toMatchObject({ who: `ak:${creds.accessKey}` });
      // Refused before anyone was identified: counted per address, and told at the minute's end.
      await server.close();
      expect(server.auditLines().at(-1)).toMatchObject({
        event: 'console.refused',
        who: 'anonymous',
        client_ip: '127.0.0.1',
        count: 2,
        detail: `2 refused attempts from 127.0.0.1 for GET /api/v1/${PID}/secrets/db/versions/v1`,
      });
    } finally {
      await server.close();
    }
  });

  it('with no session, and for a project the user has no token for', async () => {
    const iam = { mode: 'iam' as const, idleMs: 60_000, maxAgeMs: 3600_000, signInsPerMinute: 5, sessionsPerUser: 5 };
    const server = await startTestServer({ endpoint, ...creds }, { auth: iam, credentials: null });
    try {
      // No session: nobody to name, so the attempt is tallied rather than given a line.
      expect((await server.get(`/api/v1/${PID}/secrets/db/versions/v1`)).status).toBe(401);
      expect(reads(server.auditLines())).toEqual([]);
      const res = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'x-console-request': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'password', domain: 'acme', user: 'mallory' }),
      });
      expect(res.status).toBe(400);
      expect(server.auditLines().at(-1)).toMatchObject({
        event: 'session.sign-in',
        who: 'iam:acme/mallory',
        outcome: 'denied',
        detail: 'invalid sign-in body',
      });
    } finally {
      await server.close();
    }
  });
});

describe('what a line can hold', () => {
  it('escapes line separators and bidi controls, and drops a request id that is not one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const audit = createAudit(join(dir, 'audit.log'));
    audit({ action: 'sign-in', who: 'iam:acme/eve\u2028{"forged":1}\u202egnp.exe', clientIp: '127.0.0.1', outcome: 'denied' });
    const text = readFileSync(join(dir, 'audit.log'), 'utf8');
    expect(text).not.toMatch(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('eve\\u2028{\\"forged\\":1}\\u202egnp.exe');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(JSON.parse(text).who).toBe('iam:acme/eve\u2028{"forged":1}\u202egnp.exe');

    const server = await startTestServer({ endpoint, ...creds });
    try {
      for (const bad of ['a'.repeat(129), 'has space', 'line\u2028break'.replace('\u2028', '%E2%80%A8')]) {
        requestId = bad;
        const res = await server.get(`/api/v1/${PID}/secrets/db/versions/v1`);
        expect(res.headers.get('x-request-id'), bad).toMatch(/^[0-9a-f]{32}$/); // the console's own
        expect(reads(server.auditLines()).at(-1)!.request_id, bad).toBeNull();
      }
      requestId = 'req-0123';
      await server.get(`/api/v1/${PID}/secrets/db/versions/v1`);
      expect(reads(server.auditLines()).at(-1)!.request_id).toBe('req-0123');
    } finally {
      await server.close();
    }
  });
});

describe('the hash chain', () => {
  const event = (who: string) => ({ action: 'sign-out' as const, who, clientIp: '127.0.0.1', outcome: 'ok' as const });

  it('links every line to the one before, across restarts', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.log');
    const first = createAudit(file);
    first(event('a'));
    first(event('b'));
    createAudit(file)(event('c')); // a restart goes on from the last line
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(JSON.parse(lines[0]!).prev).toBe(GENESIS);
    expect(JSON.parse(lines[2]!).prev).toBe(hashLine(lines[1]!));
    expect(verifyChain(readFileSync(file, 'utf8'))).toEqual({ ok: true, lines: 3 });
  });

  it('reports the first changed, removed, inserted or cut-off line, from the command line too', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.log');
    const audit = createAudit(file);
    for (const who of ['a', 'b', 'c', 'd']) audit(event(who));
    const good = readFileSync(file, 'utf8');
    const lines = good.split('\n').filter(Boolean);
    const changed = [lines[0], lines[1]!.replace('"who":"b"', '"who":"x"'), lines[2], lines[3]].join('\n') + '\n';
    const removed = [lines[0], lines[2], lines[3]].join('\n') + '\n';
    const inserted = [lines[0], lines[1], lines[1], lines[2], lines[3]].join('\n') + '\n';
    expect(verifyChain(changed)).toMatchObject({ ok: false, line: 3 });
    expect(verifyChain(removed)).toMatchObject({ ok: false, line: 2 });
    expect(verifyChain(inserted)).toMatchObject({ ok: false, line: 3 });
    expect(verifyChain(good.slice(0, -20))).toMatchObject({ ok: false, line: 4 });
    expect(verifyChain(lines.slice(1).join('\n') + '\n')).toMatchObject({ ok: false, line: 1 });

    const cli = (path: string) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, ['--import', 'tsx', 'src/server/audit-verify.ts', path], { encoding: 'utf8' }),
        };
      } catch (error) {
        const e = error as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    expect(cli(file)).toEqual({ code: 0, out: `${file}: 4 lines, the chain is intact.\n` });
    writeFileSync(file, removed);
    expect(cli(file)).toMatchObject({ code: 1, out: expect.stringContaining('line 2 breaks the chain') });
  });
});

describe('a read that cannot be audited', () => {
  it('is refused, and its value never leaves', async () => {
    // Every write to /dev/full fails (ENOSPC), as on a full disk.
    const server = await startTestServer({ endpoint, ...creds }, { auditLog: '/dev/full' });
    try {
      const res = await server.get(`/api/v1/${PID}/secrets/db/versions/v1`);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ error_code: 'CONSOLE.0500' });
      expect(text).not.toContain('secret_string');
      // Metadata reads need no audit line and still work.
      expect((await server.get(`/api/v1/${PID}/secrets/db`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
