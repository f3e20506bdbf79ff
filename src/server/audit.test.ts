// The audit trail: every value-read attempt is a line, refused ones included; no name can forge
// or disguise a line; copied request ids are bounded; the lines form a hash chain that a
// changed, removed or inserted line breaks; and a read that cannot be audited is not sent.
import { spawn } from 'node:child_process';
import Fastify from 'fastify';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { createPublicKey } from 'node:crypto';
import { createAudit } from './audit.ts';
import { publicKeyFileNextTo } from './audit-digest-key.ts';
import { digestsFileOf } from './audit-digest-start.ts';
import { verifyTrail } from './audit-digest-verify.ts';
import { GENESIS, hashLine, verifyChain } from './audit-chain.ts';
import { regionRouting } from './routing.ts';
import { anyReadAnswer } from './testing/fake-answers.ts';
import { untilPrinted } from './testing/processes.ts';
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

const event = (who: string) => ({ action: 'sign-out' as const, who, clientIp: '127.0.0.1', outcome: 'ok' as const });

describe('the hash chain', () => {
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

  it('reports the first changed, removed, inserted or cut-off line', () => {
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

describe('a line cut short by the file size limit', () => {
  // The real console and its emulator, in a shell whose file size limit falls inside the next
  // line: the kernel writes part of it and refuses the rest (Node ignores SIGXFSZ).
  const LIMIT = 16 * 1024;
  const PORT = Number(process.env.E2E_PORT ?? 8320);
  const production = '2b8e4f1a9c3d47e6b5a0f8c7d6e5b4a3';

  /** An audit log whose whole lines stop `room` bytes short of LIMIT. */
  function logNearTheLimit(room: number) {
    const dir = mkdtempSync(join(tmpdir(), 'audit-limit-'));
    const file = join(dir, 'audit.log');
    const audit = createAudit(file, 'test');
    const size = () => statSync(file).size;
    audit(event(''));
    const emptyLine = size();
    while (LIMIT - size() - room > 2 * emptyLine) audit(event('filler'));
    audit(event('x'.repeat(LIMIT - size() - room - emptyLine)));
    audit.close();
    expect(size()).toBe(LIMIT - room);
    return file;
  }

  it('sends no value, and leaves no torn line for the chain or a digest to go on from', async () => {
    const file = logNearTheLimit(100);
    const before = readFileSync(file, 'utf8');
    const server = spawn('bash', ['-c', `ulimit -f ${LIMIT / 1024}; exec "$0" --import tsx src/server/main.ts`, process.execPath], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(PORT),
        CSMS_EMULATOR_PORT: String(PORT + 1),
        CSMS_EMULATOR_DB: ':memory:',
        CSMS_EMULATOR_SEED: 'demo',
        CONSOLE_AUDIT_LOG: file,
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
    try {
      await untilPrinted(server, /Press Ctrl-C/);
      const read = (path: string) =>
        fetch(`http://127.0.0.1:${PORT}/api/v1/${production}/secrets/${path}`, { headers: { 'x-console-request': '1' } });
      const res = await read('prod-mysql-orders/versions/v1');
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(text).not.toContain('secret_string');
      expect(text).not.toContain('orders_rw');
      // Cut back to the last whole line: the refused read left nothing behind.
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect((await read('prod-mysql-orders')).status).toBe(200); // metadata needs no line
      // The digest written as it stops signs the whole lines only, and proves them.
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      const proof = verifyTrail(
        readFileSync(file, 'utf8'),
        readFileSync(digestsFileOf(file), 'utf8'),
        createPublicKey(readFileSync(publicKeyFileNextTo(file))),
      );
      expect(proof).toMatchObject({ ok: true, covered: before.split('\n').length - 1, torn: 0, final: true });
    } finally {
      server.kill('SIGKILL');
    }
  });
});
