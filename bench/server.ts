// Server throughput: the emulator alone, then the same requests through the console proxy, at 50
// connections on loopback, bounded in time. Budgets: proxy ≥ 0.7× the emulator's throughput and
// ≤ 2 ms added p50 latency.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { csmsClient, signRequest } from '../src/emulator/testing/csms-client.ts';

const PROJECT = '0123456789abcdef0123456789abcdef';
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string, headers: Record<string, string>): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  return { name, requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** Starts `npm start`'s entry point in its own process, so the load generator does not share it. */
export async function startConsole(env: Record<string, string> = {}): Promise<{ consoleUrl: string; emulatorUrl: string; inspectorUrl: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', '--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', CSMS_EMULATOR_PORT: '0', CSMS_EMULATOR_DB: ':memory:', CSMS_EMULATOR_SEED: 'none', CONSOLE_AUDIT_LOG: '/dev/null', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const check = (chunk: Buffer) => {
      out += chunk.toString();
      const consoleUrl = /CSMS console\s+(http:\/\/\S+?)\/?\s/.exec(out)?.[1];
      const emulatorUrl = /CSMS emulator\s+(http:\/\/\S+)/.exec(out)?.[1];
      const inspectorUrl = /Debugger listening on (ws:\/\/\S+)/.exec(out)?.[1];
      if (consoleUrl && emulatorUrl && inspectorUrl) resolve({ consoleUrl, emulatorUrl, inspectorUrl, pid: child.pid!, stop: () => child.kill('SIGINT') });
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => reject(new Error(`console exited with ${code}: ${out}`)));
  });
}

export const BENCH_PROJECT = PROJECT;

export async function seedBenchSecrets(emulatorUrl: string) {
  const csms = csmsClient({ endpoint: emulatorUrl, accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey, projectId: PROJECT });
  for (let i = 0; i < 200; i++) await csms.createSecret({ name: `bench-${String(i).padStart(3, '0')}`, secret_string: JSON.stringify({ user: 'u', password: `p${i}` }) });
}

export async function benchServer() {
  // The proxy's own cost is measured here, not its value-read rate limit (the load test has that).
  const { consoleUrl, emulatorUrl, stop } = await startConsole({ CONSOLE_VALUE_READS_PER_MINUTE: '100000' });
  try {
    await seedBenchSecrets(emulatorUrl);
    const paths = { ShowSecretVersion: `/v1/${PROJECT}/secrets/bench-042/versions/latest`, ListSecrets: `/v1/${PROJECT}/secrets?limit=50` };
    const rows: { operation: string; emulator: LoadResult; proxy: LoadResult }[] = [];
    for (const [operation, path] of Object.entries(paths)) {
      // One signature serves the whole (short) run: X-Sdk-Date stays within the 15-minute window.
      const signed = signRequest(EMULATOR_DEFAULTS, 'GET', new URL(`${emulatorUrl}${path}`));
      const emulator = await load(`emulator ${operation}`, `${emulatorUrl}${path}`, signed);
      const proxy = await load(`proxy ${operation}`, `${consoleUrl}/api${path}`, { 'x-console-request': '1' });
      rows.push({ operation, emulator, proxy });
    }
    return rows.map(({ operation, emulator, proxy }) => ({
      operation,
      emulator,
      proxy,
      throughputRatio: Number((proxy.requestsPerSecond / emulator.requestsPerSecond).toFixed(2)),
      addedP50Ms: Number((proxy.p50Ms - emulator.p50Ms).toFixed(2)),
    }));
  } finally {
    stop();
  }
}
