// The emulator as a real process: acknowledged writes survive kill -9, and no value is ever
// readable in the database files.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from './config.ts';
import { csmsClient } from './testing/csms-client.ts';
import { randomProjectId } from './testing/start-test-emulator.ts';

const dir = mkdtempSync(join(tmpdir(), 'csms-emulator-'));
const dbPath = join(dir, 'csms.sqlite');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `npm run emulator`'s entry point on a free port; resolves with its URL. */
function startProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: { ...process.env, CSMS_EMULATOR_PORT: '0', CSMS_EMULATOR_DB: dbPath, CSMS_EMULATOR_SEED: 'none' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /CSMS emulator on (http:\/\/[^\s]+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
  });
}

describe('the emulator process', () => {
  const projectId = randomProjectId();
  const canary = (i: number) => `CANARY-${i}-${projectId}`;
  const client = (url: string) =>
    csmsClient({ endpoint: url, accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey, projectId });

  it('keeps every acknowledged write after kill -9', async () => {
    const first = await startProcess();
    const csms = client(first.url);
    for (let i = 0; i < 30; i++)
      expect((await csms.createSecret({ name: `s${i}`, secret_string: canary(i), description: 'DESCRIPTION-IN-CLEAR' })).status).toBe(200);
    expect((await csms.createVersion('s0', { secret_string: canary(100), version_stages: ['NEXT'] })).status).toBe(200);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startProcess();
    const after = client(second.url);
    expect((await after.listSecrets({ limit: 100 })).body.secrets).toHaveLength(30);
    for (let i = 0; i < 30; i++) expect((await after.showVersion(`s${i}`, 'v1')).body.version.secret_string).toBe(canary(i));
    expect((await after.showStage('s0', 'NEXT')).body.stage.version_id).toBe('v2');
    second.child.kill('SIGKILL');
  });

  it('keeps every acknowledged write of concurrent writers killed mid-flight', async () => {
    const first = await startProcess();
    const csms = client(first.url);
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed && i < 100; i++) {
        const name = `w${w}-${i}`;
        const answer = await csms.createSecret({ name, secret_string: canary(1000 + w * 100 + i) }).catch(() => null);
        if (answer?.status === 200) acknowledged.push(name);
        if (acknowledged.length >= 120 && !killed) {
          killed = true;
          first.child.kill('SIGKILL'); // other writers still have requests in flight
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    await new Promise((resolve) =>
      first.child.exitCode !== null || first.child.signalCode !== null ? resolve(null) : first.child.once('exit', resolve),
    );

    const second = await startProcess();
    const after = client(second.url);
    const listed = new Set<string>();
    for (let marker: string | undefined; ;) {
      const page = await after.listSecrets({ limit: 1000, ...(marker && { marker }) });
      for (const s of page.body.secrets) listed.add(s.name);
      marker = page.body.page_info.next_marker;
      if (!marker) break;
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(120);
    expect(acknowledged.filter((name) => !listed.has(name))).toEqual([]);
    const sample = acknowledged[acknowledged.length - 1]!;
    const [w, i] = sample.slice(1).split('-').map(Number) as [number, number];
    expect((await after.showVersion(sample, 'v1')).body.version.secret_string).toBe(canary(1000 + w * 100 + i));
    second.child.kill('SIGKILL');
  });

  it('never stores a value in plaintext', () => {
    const files = readdirSync(dir).filter((f) => f.startsWith('csms.sqlite'));
    expect(files).toContain('csms.sqlite');
    // Control: metadata is stored in clear, so the scan does see the data.
    expect(files.some((file) => readFileSync(join(dir, file)).includes('DESCRIPTION-IN-CLEAR'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.includes('CANARY-'), file).toBe(false);
      expect(bytes.includes(Buffer.from('CANARY-', 'utf16le')), file).toBe(false);
    }
  });
});
