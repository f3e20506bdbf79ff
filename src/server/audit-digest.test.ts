// The signed digests: with the public key alone, audit:verify finds lines removed from the end, a
// line edited with every hash recomputed, lines removed before a restart, and digests removed or
// changed; the console itself records, at start, lines its last digest covers that are gone.
import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAudit, type AuditOptions } from './audit.ts';
import { GENESIS, hashLine, verifyChain } from './audit-chain.ts';
import { publicKeyFileNextTo } from './audit-digest-key.ts';
import { digestsFileOf } from './audit-digest-start.ts';
import { verifyTrail } from './audit-digest-verify.ts';
import { startTestServer } from './testing/start-test-server.ts';

const INTERVAL_S = 60;
const event = (who: string) => ({ action: 'sign-out' as const, who, clientIp: '127.0.0.1', outcome: 'ok' as const });
const linesOf = (text: string) => text.split('\n').filter(Boolean);
const joined = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

function newTrail() {
  const log = join(mkdtempSync(join(tmpdir(), 'audit-digest-')), 'audit.log');
  const notices: string[] = [];
  const options: AuditOptions = { digestIntervalS: INTERVAL_S, report: { digest: () => {}, notice: (m) => notices.push(m) } };
  return {
    log,
    notices,
    open: () => createAudit(log, 'test', options),
    lines: () => linesOf(readFileSync(log, 'utf8')),
    digests: () => linesOf(readFileSync(digestsFileOf(log), 'utf8')),
    setLines: (lines: string[]) => writeFileSync(log, joined(lines)),
    setDigests: (lines: string[]) => writeFileSync(digestsFileOf(log), joined(lines)),
    verify: (until?: Date) =>
      verifyTrail(
        readFileSync(log, 'utf8'),
        readFileSync(digestsFileOf(log), 'utf8'),
        createPublicKey(readFileSync(publicKeyFileNextTo(log))),
        until,
      ),
  };
}

/** The CLI, as `npm run audit:verify` runs it. */
function cli(args: string[]) {
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, ['--import', 'tsx', 'src/server/audit-verify.ts', ...args], { encoding: 'utf8' }),
    };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: Date.parse('2026-12-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the digests', () => {
  it('are written every interval, even with no line, each signed and following the one before', () => {
    const t = newTrail();
    const audit = t.open();
    audit(event('a'));
    audit(event('b'));
    vi.advanceTimersByTime(3 * INTERVAL_S * 1000);
    audit.close();
    const digests = t.digests().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(digests.map((d) => [d.lines, d.log_lines, d.final])).toEqual([
      [2, 2, false],
      [0, 2, false],
      [0, 2, false],
      [0, 2, true],
    ]);
    const [first, last] = t.lines();
    expect(digests[0]).toMatchObject({
      first_line: hashLine(first!),
      last_line: hashLine(last!),
      log_head: hashLine(last!),
      previous_signature: null,
    });
    expect(digests[1]).toMatchObject({ from: digests[0]!.to, previous_signature: digests[0]!.signature });
    expect(t.verify()).toMatchObject({ ok: true, lines: 2, covered: 2, digests: 4, final: true });
    // The key stays next to the log, readable by its owner only.
    expect(statSync(`${t.log}.signing-key.pem`).mode & 0o777).toBe(0o600);
  });

  it('prove the whole log from the command line with the public key alone, and name what is not yet covered', () => {
    const t = newTrail();
    const audit = t.open();
    audit(event('a'));
    vi.advanceTimersByTime(INTERVAL_S * 1000);
    audit(event('b'));
    const key = publicKeyFileNextTo(t.log);
    const running = cli([t.log, '--public-key', key]);
    expect(running.code).toBe(0);
    expect(running.out).toContain('lines 1-1 proven by 1 signed digests');
    expect(running.out).toContain('Lines 2-2 are not yet covered by a digest');
    audit.close();
    expect(cli([t.log, '--digests', digestsFileOf(t.log), '--public-key', key])).toMatchObject({
      code: 0,
      out: expect.stringContaining('lines 1-2 proven by 2 signed digests'),
    });
    // Another key proves nothing.
    const other = join(mkdtempSync(join(tmpdir(), 'key-')), 'other.pem');
    writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    expect(cli([t.log, '--public-key', other])).toMatchObject({ code: 1, out: expect.stringContaining('digest 1 of') });
  });
});

describe('audit:verify finds', () => {
  it('lines removed from the end', () => {
    const t = newTrail();
    const audit = t.open();
    for (const who of ['a', 'b', 'c', 'd']) audit(event(who));
    audit.close();
    const lines = t.lines();
    t.setLines(lines.slice(0, 2));
    expect(verifyChain(readFileSync(t.log, 'utf8'))).toEqual({ ok: true, lines: 2 }); // the chain alone is fooled
    expect(t.verify()).toMatchObject({
      ok: false,
      digest: 1,
      line: 3,
      problem: expect.stringContaining('signed 4 lines, the log holds 2'),
    });
    const out = cli([t.log, '--public-key', publicKeyFileNextTo(t.log)]);
    expect(out).toEqual({ code: 1, out: expect.stringMatching(/^NOT PROVEN: digest 1 of .*, line 3 of .*lines were removed/) });
  });

  it('lines removed from the end with the digests covering them, once a time is named', () => {
    const t = newTrail();
    const audit = t.open();
    audit(event('a'));
    vi.advanceTimersByTime(INTERVAL_S * 1000);
    audit(event('b'));
    vi.advanceTimersByTime(1000);
    audit.close();
    const stoppedAt = new Date();
    expect(t.verify(stoppedAt)).toMatchObject({ ok: true, covered: 2 });
    t.setLines(t.lines().slice(0, 1));
    t.setDigests(t.digests().slice(0, 1));
    expect(t.verify()).toMatchObject({ ok: true, covered: 1, final: false });
    expect(t.verify(stoppedAt)).toMatchObject({ ok: false, digest: 1, problem: expect.stringContaining('later digests are missing') });
  });

  it('a line edited with every hash after it recomputed', () => {
    const t = newTrail();
    const audit = t.open();
    audit(event('a'));
    vi.advanceTimersByTime(INTERVAL_S * 1000);
    for (const who of ['b', 'c', 'd']) audit(event(who));
    audit.close();
    const forged: string[] = [];
    for (const line of t.lines()) {
      const fields = JSON.parse(line) as Record<string, unknown>;
      if (fields.who === 'c') fields.who = 'mallory';
      forged.push(JSON.stringify({ ...fields, prev: forged.length === 0 ? GENESIS : hashLine(forged.at(-1)!) }));
    }
    t.setLines(forged);
    expect(verifyChain(readFileSync(t.log, 'utf8'))).toEqual({ ok: true, lines: 4 }); // the chain alone is fooled
    expect(t.verify()).toMatchObject({
      ok: false,
      digest: 2,
      line: 4,
      problem: expect.stringContaining('a line up to it after line 1 (the last an earlier digest proves) was changed'),
    });
  });

  it('lines removed while the console was stopped, and the console records the gap as it starts', () => {
    const t = newTrail();
    const first = t.open();
    for (const who of ['a', 'b', 'c', 'd']) first(event(who));
    first.close();
    t.setLines(t.lines().slice(0, 2));
    const restarted = t.open();
    expect(restarted.startGap).toMatchObject({ action: 'gap', expectedLines: 4, foundLines: 2 });
    restarted(event('e'));
    restarted(event('f'));
    restarted.close();
    const lines = t.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[2]).toMatchObject({ event: 'audit.gap', expected_lines: 4, found_lines: 2, instance: 'test' });
    expect(t.notices).toContainEqual(expect.stringContaining('Lines are missing; an audit.gap line records it.'));
    // Now 4 lines again, but not the 4 the first digest signed.
    expect(t.verify()).toMatchObject({ ok: false, digest: 1, line: 4 });
  });

  it('digests removed or changed', () => {
    const t = newTrail();
    const audit = t.open();
    audit(event('a'));
    vi.advanceTimersByTime(2 * INTERVAL_S * 1000);
    audit.close();
    const digests = t.digests();
    t.setDigests([digests[0]!, digests[2]!]);
    expect(t.verify()).toMatchObject({ ok: false, digest: 2, problem: expect.stringContaining('does not follow digest 1') });
    t.setDigests([digests[0]!, digests[1]!.replace('"lines":0', '"lines":1'), digests[2]!]);
    expect(t.verify()).toMatchObject({ ok: false, digest: 2, problem: expect.stringContaining('signature does not hold') });
  });
});

describe('at start', () => {
  it('a log that holds every line its last digest signed goes on, with no gap', () => {
    const t = newTrail();
    const first = t.open();
    first(event('a'));
    first.close();
    const restarted = t.open();
    restarted(event('b'));
    restarted.close();
    expect(restarted.startGap).toBeUndefined();
    expect(t.lines().map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['session.sign-out', 'session.sign-out']);
    expect(t.verify()).toMatchObject({ ok: true, covered: 2, digests: 2 });
  });

  it('a torn last line (a crash mid-write) is cut off, never continued from', () => {
    const t = newTrail();
    const first = t.open();
    first(event('a'));
    first(event('b'));
    first.close();
    const whole = t.lines();
    const torn = '{"time":"2026-12-01T00:00:00.000Z","instance":"test","event":"secret.value.read","who":"ak:';
    appendFileSync(t.log, torn);
    const restarted = t.open();
    restarted(event('c'));
    restarted.close();
    expect(t.notices).toContainEqual(expect.stringContaining(`a torn last line (${torn.length} bytes, never a whole line) was cut off`));
    expect(t.lines().slice(0, 2)).toEqual(whole);
    expect(JSON.parse(t.lines()[2]!)).toMatchObject({ who: 'c', prev: hashLine(whole[1]!) });
    expect(t.verify()).toMatchObject({ ok: true, covered: 3 });
  });

  it('a gap is counted in /metrics', async () => {
    vi.useRealTimers();
    const t = newTrail();
    const first = t.open();
    for (const who of ['a', 'b', 'c']) first(event(who));
    first.close();
    t.setLines(t.lines().slice(0, 1));
    const server = await startTestServer(
      { endpoint: 'http://127.0.0.1:9', accessKey: 'ak', secretKey: 'sk' },
      { auditLog: t.log, metricsToken: 'm'.repeat(32) },
    );
    try {
      const metrics = await (await server.get('/metrics', { authorization: `Bearer ${'m'.repeat(32)}` })).text();
      expect(metrics).toMatch(/^csms_console_audit_gaps_total 1$/m);
      expect(server.auditLines().at(-1)).toMatchObject({ event: 'audit.gap', expected_lines: 3, found_lines: 1 });
    } finally {
      await server.close();
    }
  });
});

describe('the signing key', () => {
  it('is taken from CONSOLE_AUDIT_SIGNING_KEY, as PEM or a file, and must be Ed25519', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const file = join(mkdtempSync(join(tmpdir(), 'key-')), 'signing.pem');
    writeFileSync(file, pem, { mode: 0o600 });
    for (const signingKey of [pem, file]) {
      const t = newTrail();
      const audit = createAudit(t.log, 'test', { signingKey });
      audit(event('a'));
      audit.close();
      const proof = verifyTrail(readFileSync(t.log, 'utf8'), readFileSync(digestsFileOf(t.log), 'utf8'), publicKey);
      expect(proof).toMatchObject({ ok: true, covered: 1 });
    }
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => createAudit(newTrail().log, 'test', { signingKey: rsa })).toThrow(
      'CONSOLE_AUDIT_SIGNING_KEY: an Ed25519 private key is needed, not rsa',
    );
  });
});

describe('on standard output (no log file)', () => {
  it('lines and digests share the stream, in the order they were written, and verify once split', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const signingKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const audit = createAudit(undefined, 'test', { digestIntervalS: INTERVAL_S, signingKey });
      audit(event('a'));
      vi.advanceTimersByTime(INTERVAL_S * 1000);
      audit(event('b'));
      audit.close();
    } finally {
      spy.mockRestore();
    }
    expect(written.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual([
      'session.sign-out',
      'audit.digest',
      'session.sign-out',
      'audit.digest',
    ]);
    const isDigest = (l: string) => l.includes('"event":"audit.digest"');
    const proof = verifyTrail(written.filter((l) => !isDigest(l)).join(''), written.filter(isDigest).join(''), publicKey);
    expect(proof).toMatchObject({ ok: true, covered: 2, digests: 2, final: true });
  });
});
