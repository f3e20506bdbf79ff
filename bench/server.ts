// Server throughput: the emulator alone, then the same requests through the console proxy, at 50
// connections on loopback, bounded in time. The emulator runs in its own process, as the cloud is
// another machine; the console reaches it in cloud mode, signing like it signs for the cloud.
// Budgets: proxy ≥ 0.7× the emulator's throughput and ≤ 2 ms added p50 latency.
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

async function load(name: string, url: string, headers: Record<string, string>, connections = CONNECTIONS): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections, duration: SECONDS });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Starts a process and resolves once its output has matched every pattern (first group of each). */
export function startProcess(entry: string, env: Record<string, string>, patterns: Record<string, RegExp>) {
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', '--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise<{ found: Record<string, string>; pid: number; stop: () => void }>((resolve, reject) => {
    let out = '';
    const check = (chunk: Buffer) => {
      out += chunk.toString();
      const found = Object.fromEntries(Object.entries(patterns).map(([key, pattern]) => [key, pattern.exec(out)?.[1]]));
      if (Object.values(found).every(Boolean))
        resolve({ found: found as Record<string, string>, pid: child.pid!, stop: () => child.kill('SIGINT') });
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}: ${out}`)));
  });
}

const INSPECTOR = /Debugger listening on (ws:\/\/\S+)/;
const QUIET = { PORT: '0', CONSOLE_AUDIT_LOG: '/dev/null' };

/** `npm start` as it runs by default: console server and embedded emulator in one process. */
export async function startConsole(env: Record<string, string> = {}) {
  const { found, pid, stop } = await startProcess(
    'src/server/main.ts',
    { ...QUIET, CSMS_EMULATOR_PORT: '0', CSMS_EMULATOR_DB: ':memory:', CSMS_EMULATOR_SEED: 'none', ...env },
    {
      consoleUrl: /CSMS console\s+(http:\/\/\S+?)\/?\s/,
      emulatorUrl: /CSMS emulator\s+(http:\/\/\S+)/,
      inspectorUrl: INSPECTOR,
    },
  );
  return { consoleUrl: found.consoleUrl!, emulatorUrl: found.emulatorUrl!, inspectorUrl: found.inspectorUrl!, pid, stop };
}

/** The emulator alone, and a console server in cloud mode in front of it: two processes. */
async function startSeparately() {
  const emulator = await startProcess(
    'src/emulator/main.ts',
    { CSMS_EMULATOR_PORT: '0', CSMS_EMULATOR_DB: ':memory:', CSMS_EMULATOR_SEED: 'none' },
    { url: /CSMS emulator on (http:\/\/\S+)/ },
  );
  const consoleServer = await startProcess(
    'src/server/main.ts',
    {
      ...QUIET,
      CSMS_ENDPOINT: emulator.found.url!,
      CSMS_REGION: 'local',
      HUAWEICLOUD_SDK_AK: EMULATOR_DEFAULTS.accessKey,
      HUAWEICLOUD_SDK_SK: EMULATOR_DEFAULTS.secretKey,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
      // The proxy's own cost is measured here, not its value-read rate limit (the load test has that).
      CONSOLE_VALUE_READS_PER_MINUTE: '100000',
    },
    { url: /CSMS console\s+(http:\/\/\S+?)\/?\s/ },
  );
  return {
    consoleUrl: consoleServer.found.url!,
    emulatorUrl: emulator.found.url!,
    stop: () => {
      consoleServer.stop();
      emulator.stop();
    },
  };
}

export const BENCH_PROJECT = PROJECT;

export async function seedBenchSecrets(emulatorUrl: string) {
  const csms = csmsClient({
    endpoint: emulatorUrl,
    accessKey: EMULATOR_DEFAULTS.accessKey,
    secretKey: EMULATOR_DEFAULTS.secretKey,
    projectId: PROJECT,
  });
  for (let i = 0; i < 200; i++)
    await csms.createSecret({
      name: `bench-${String(i).padStart(3, '0')}`,
      secret_string: JSON.stringify({ user: 'u', password: `p${i}` }),
    });
}

export async function benchServer() {
  const { consoleUrl, emulatorUrl, stop } = await startSeparately();
  try {
    await seedBenchSecrets(emulatorUrl);
    const paths = { ShowSecretVersion: `/v1/${PROJECT}/secrets/bench-042/versions/latest`, ListSecrets: `/v1/${PROJECT}/secrets?limit=50` };
    const rows: { operation: string; emulator: LoadResult; proxy: LoadResult; unloaded: { emulator: LoadResult; proxy: LoadResult } }[] =
      [];
    for (const [operation, path] of Object.entries(paths)) {
      // One signature serves the whole (short) run: X-Sdk-Date stays within the 15-minute window.
      const signed = signRequest(EMULATOR_DEFAULTS, 'GET', new URL(`${emulatorUrl}${path}`));
      const emulator = await load(`emulator ${operation}`, `${emulatorUrl}${path}`, signed);
      const proxy = await load(`proxy ${operation}`, `${consoleUrl}/api${path}`, { 'x-console-request': '1' });
      // The latency the proxy adds, measured unloaded (one connection): under saturation the
      // difference is queueing, which the throughput ratio already measures.
      const unloaded = {
        emulator: await load(`emulator ${operation} 1 conn`, `${emulatorUrl}${path}`, signed, 1),
        proxy: await load(`proxy ${operation} 1 conn`, `${consoleUrl}/api${path}`, { 'x-console-request': '1' }, 1),
      };
      rows.push({ operation, emulator, proxy, unloaded });
    }
    return rows.map(({ operation, emulator, proxy, unloaded }) => ({
      operation,
      emulator,
      proxy,
      unloaded,
      throughputRatio: Number((proxy.requestsPerSecond / emulator.requestsPerSecond).toFixed(2)),
      addedP50Ms: Number((unloaded.proxy.p50Ms - unloaded.emulator.p50Ms).toFixed(2)),
    }));
  } finally {
    stop();
  }
}
