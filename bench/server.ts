// The proxy's cost: ShowSecretVersion and ListSecrets driven at a fixed offered rate the machine
// sustains, straight at the emulator (its own process, as the cloud is), through the signing
// floor (bench/passthrough.ts: signs and re-serializes, checks nothing) and through the console
// proxy in cloud mode (signing as it signs for the cloud, checks, validation, audit), in turns.
// Each proxy's CPU per request comes from its own process counters (/proc/<pid>/stat, what
// process.cpuUsage() reads), so it measures the code, not the scheduler of two shared cores; the
// latency each adds is over the emulator's at that rate.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { csmsClient, signRequest } from '../src/emulator/testing/csms-client.ts';

const PROJECT = '0123456789abcdef0123456789abcdef';
const CONNECTIONS = 10;
const RATE = Number(process.env.BENCH_PROXY_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_PROXY_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const ROUNDS = Number(process.env.BENCH_PROXY_ROUNDS ?? 2);

export interface LoadResult {
  name: string;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** CPU time (user + system) of the measured process per request, in µs. */
  cpuMicrosPerRequest?: number;
}

/** A process's CPU time so far (user + system), in µs, from the kernel's counters. */
export function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** The process whose CPU is counted. */
  pid?: number;
}

/** Each target at RATE requests a second: a warm-up, then ROUNDS runs in turns (a slow spell of
 * the shared machine falls on all of them), counted together. */
async function inTurns(targets: Target[]): Promise<LoadResult[]> {
  // Each answer's own time, in fractions of a millisecond: autocannon's histogram keeps whole
  // milliseconds, too coarse for a budget of 1 ms added.
  const run = (t: Target, duration: number, times?: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const options = { url: t.url, headers: t.headers, connections: CONNECTIONS, overallRate: RATE, duration };
      const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
      if (times) instance.on('response', (_client, status, _bytes, ms) => status < 300 && times.push(ms));
    });
  for (const t of targets) await run(t, WARM_UP_SECONDS);
  const totals = targets.map(() => ({ requests: 0, cpu: 0, errors: 0, non2xx: 0, times: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, t] of targets.entries()) {
      const total = totals[i]!;
      const before = t.pid === undefined ? 0 : cpuMicros(t.pid);
      const result = await run(t, SECONDS / ROUNDS, total.times);
      total.cpu += t.pid === undefined ? 0 : cpuMicros(t.pid) - before;
      total.requests += result.requests.total;
      total.errors += result.errors + result.timeouts;
      total.non2xx += result.non2xx;
    }
  const quantile = (sorted: number[], q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2));
  return targets.map((t, i) => {
    const total = totals[i]!;
    const sorted = total.times.sort((a, b) => a - b);
    return {
      name: t.name,
      requests: total.requests,
      p50Ms: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      errors: total.errors,
      non2xx: total.non2xx,
      ...(t.pid !== undefined && { cpuMicrosPerRequest: Math.round(total.cpu / total.requests) }),
    };
  });
}

/** Starts a process and resolves once its output has matched every pattern (first group of each). */
export function startProcess(entry: string, env: Record<string, string>, patterns: Record<string, RegExp>, nodeOptions: string[] = []) {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', entry], {
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
    // The load test reads the heap through the inspector.
    ['--inspect=127.0.0.1:0'],
  );
  return { consoleUrl: found.consoleUrl!, emulatorUrl: found.emulatorUrl!, inspectorUrl: found.inspectorUrl!, pid, stop };
}

/** A console server in cloud mode (the server's key, signing as for Huawei Cloud) in front of
 * `endpoint`, serving `project`. The proxy's own cost is measured, not its value-read rate limit
 * (the load test has that). */
export const startCloudConsole = (endpoint: string, project: string, nodeOptions: string[] = [], env: Record<string, string> = {}) =>
  startProcess(
    'src/server/main.ts',
    {
      ...QUIET,
      CSMS_ENDPOINT: endpoint,
      CSMS_REGION: 'local',
      HUAWEICLOUD_SDK_AK: EMULATOR_DEFAULTS.accessKey,
      HUAWEICLOUD_SDK_SK: EMULATOR_DEFAULTS.secretKey,
      HUAWEICLOUD_SDK_PROJECT_ID: project,
      CONSOLE_VALUE_READS_PER_MINUTE: '100000',
      ...env,
    },
    { url: /CSMS console\s+(http:\/\/\S+?)\/?\s/ },
    nodeOptions,
  );

/** BENCH_PROFILE=dir: CPU profiles of the proxy and the pass-through, written there when they stop
 * (open them in Chrome's DevTools), to see where a proxy's time goes. */
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];

/** The emulator alone, the signing floor and a console server in cloud mode in front of it. */
async function startSeparately() {
  const emulator = await startProcess(
    'src/emulator/main.ts',
    { CSMS_EMULATOR_PORT: '0', CSMS_EMULATOR_DB: ':memory:', CSMS_EMULATOR_SEED: 'none' },
    { url: /CSMS emulator on (http:\/\/\S+)/ },
  );
  const consoleServer = await startCloudConsole(emulator.found.url!, PROJECT, profile);
  // With the server's key and no sign-in, the printed one-time link opens the console: its cookie
  // goes on every request.
  const opened = await fetch(consoleServer.found.url!, { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
  const passthrough = await startProcess(
    'bench/passthrough.ts',
    { PASSTHROUGH_UPSTREAM: emulator.found.url! },
    { url: /passthrough on (\S+)/ },
    profile,
  );
  return {
    consoleUrl: new URL(consoleServer.found.url!).origin,
    cookie,
    consolePid: consoleServer.pid,
    passthroughUrl: passthrough.found.url!,
    passthroughPid: passthrough.pid,
    emulatorUrl: emulator.found.url!,
    stop: () => {
      consoleServer.stop();
      passthrough.stop();
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
  const { consoleUrl, cookie, consolePid, passthroughUrl, passthroughPid, emulatorUrl, stop } = await startSeparately();
  try {
    await seedBenchSecrets(emulatorUrl);
    const only = process.env.BENCH_PROXY_OPERATIONS?.split(',');
    const paths = { ShowSecretVersion: `/v1/${PROJECT}/secrets/bench-042/versions/latest`, ListSecrets: `/v1/${PROJECT}/secrets?limit=50` };
    const rows = [];
    for (const [operation, path] of Object.entries(paths).filter(([name]) => !only || only.includes(name))) {
      // One signature serves the whole (short) run: X-Sdk-Date stays within the 15-minute window.
      const signed = signRequest(EMULATOR_DEFAULTS, 'GET', new URL(`${emulatorUrl}${path}`));
      const measured = await inTurns([
        { name: `emulator ${operation}`, url: `${emulatorUrl}${path}`, headers: signed },
        { name: `signing floor ${operation}`, url: `${passthroughUrl}/api${path}`, headers: {}, pid: passthroughPid },
        { name: `proxy ${operation}`, url: `${consoleUrl}/api${path}`, headers: { 'x-console-request': '1', cookie }, pid: consolePid },
      ]);
      const [emulator, passthrough, proxy] = measured;
      if (!emulator || !passthrough || !proxy) throw new Error('A target was not measured.');
      rows.push({
        operation,
        rate: RATE,
        seconds: SECONDS,
        emulator,
        passthrough,
        proxy,
        cpuRatio: Number((proxy.cpuMicrosPerRequest! / passthrough.cpuMicrosPerRequest!).toFixed(2)),
        addedP50Ms: Number((proxy.p50Ms - emulator.p50Ms).toFixed(2)),
        addedP99Ms: Number((proxy.p99Ms - emulator.p99Ms).toFixed(2)),
      });
    }
    return rows;
  } finally {
    stop();
  }
}
