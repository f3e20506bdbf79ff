// What sharing the stores in Redis costs a proxied value read: the same console (CONSOLE_AUTH=iam,
// a signed-in session, the value-read allowance) with its stores in memory and in Redis, in front
// of one emulator process, measured in one run. Latency: the p50 of sequential reads (one at a
// time, so nothing queues), Redis minus memory: the session lookup and the allowance's round
// trips. CPU: the console process's own counters (/proc/PID/stat, user + system) over a fixed
// number of reads, per read: on 2 cores a throughput ratio would measure the scheduler. And the
// deterministic part of that cost: the commands a read sends Redis (each a round trip: a script
// call, the commands it runs inside Redis not counted), seen by Redis's MONITOR.
// Budgets: ≤ 1 ms added p50, ≤ 1.2× the CPU per read.
import autocannon from 'autocannon';
import { DEMO_IAM, DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { Redis } from 'ioredis';
import { startRedisServer } from '../src/server/testing/redis-server.ts';
import { cpuMicros, startProcess } from './server.ts';

const SEQUENTIAL = 2000;
const CPU_READS = 20_000;
const { production } = DEMO_PROJECTS;
const operator = DEMO_IAM.users[0]!;
const VALUE = `/api/v1/${production.id}/secrets/grafana-admin/versions/latest`;

async function signIn(consoleUrl: string) {
  const res = await fetch(`${consoleUrl}/api/session`, {
    method: 'POST',
    headers: { 'x-console-request': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: operator.name, password: operator.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Milliseconds of each of `count` value reads, one at a time. */
async function sequential(url: string, cookie: string, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { 'x-console-request': '1', cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`value read answered ${res.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** The commands a value read sends Redis, seen by MONITOR over `count` reads one at a time
 * (those a script runs inside Redis are marked `lua` and not counted). */
async function commandsPerRead(redisUrl: string, url: string, cookie: string, count: number) {
  const [watcher, marker] = [new Redis(redisUrl), new Redis(redisUrl)];
  try {
    const monitor = await watcher.monitor();
    let sent = 0;
    // Sent after the last answer: every command of the reads has been run once MONITOR shows it.
    const end = new Promise<void>((resolve) =>
      monitor.on('monitor', (_time: string, args: string[], source: string) => {
        if (args[0]?.toLowerCase() === 'echo') resolve();
        else if (source !== 'lua') sent++;
      }),
    );
    await sequential(url, cookie, count);
    await marker.echo('end of the reads');
    await end;
    monitor.disconnect();
    return sent / count;
  } finally {
    watcher.disconnect();
    marker.disconnect();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchSharedStores() {
  const redis = await startRedisServer();
  const emulator = await startProcess(
    'src/emulator/main.ts',
    { CSMS_EMULATOR_PORT: '0', CSMS_EMULATOR_DB: ':memory:', CSMS_EMULATOR_SEED: 'demo' },
    { url: /CSMS emulator on (http:\/\/\S+)/ },
  );
  const common = {
    PORT: '0',
    CONSOLE_AUDIT_LOG: '/dev/null',
    CONSOLE_AUTH: 'iam',
    CSMS_ENDPOINT: emulator.found.url!,
    CSMS_REGION: production.region,
    CSMS_IAM_ENDPOINT: emulator.found.url!,
    CONSOLE_VALUE_READS_PER_MINUTE: '100000',
  };
  const consoles = {
    memory: await startProcess('src/server/main.ts', common, { url: /CSMS console\s+(http:\/\/\S+?)\/?\s/ }),
    redis: await startProcess(
      'src/server/main.ts',
      { ...common, CONSOLE_REDIS_URL: redis.url, CONSOLE_SESSION_KEY: 'cd'.repeat(32) },
      { url: /CSMS console\s+(http:\/\/\S+?)\/?\s/ },
    ),
  };
  try {
    const runs = await Promise.all(
      Object.entries(consoles).map(async ([store, c]) => ({ store, c, url: `${c.found.url}${VALUE}`, cookie: await signIn(c.found.url!) })),
    );
    const latencies: Record<string, number[]> = { memory: [], redis: [] };
    const cpu: Record<string, number> = {};
    for (const run of runs) await sequential(run.url, run.cookie, 200); // warm-up: JIT, pools, scripts loaded
    // Taken in turns, so a slow spell of the machine falls on both.
    for (let round = 0; round < 4; round++)
      for (const run of runs) latencies[run.store]!.push(...(await sequential(run.url, run.cookie, SEQUENTIAL / 4)));
    const cannon = async (run: (typeof runs)[number], amount: number) => {
      const result = await autocannon({ url: run.url, connections: 8, amount, headers: { 'x-console-request': '1', cookie: run.cookie } });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${run.store}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    };
    for (const run of runs) await cannon(run, CPU_READS / 4); // warm-up under load
    for (let round = 0; round < 4; round++)
      for (const run of runs) {
        const before = cpuMicros(run.c.pid);
        await cannon(run, CPU_READS / 4);
        cpu[run.store] = (cpu[run.store] ?? 0) + cpuMicros(run.c.pid) - before;
      }
    const redisRun = runs.find((run) => run.store === 'redis')!;
    const redisCommandsPerRead = await commandsPerRead(redis.url, redisRun.url, redisRun.cookie, 100);
    const p50 = { memory: median(latencies.memory!), redis: median(latencies.redis!) };
    return {
      reads: { sequential: SEQUENTIAL, cpu: CPU_READS },
      p50Ms: { memory: Number(p50.memory.toFixed(3)), redis: Number(p50.redis.toFixed(3)) },
      addedP50Ms: Number((p50.redis - p50.memory).toFixed(3)),
      cpuMicrosPerRead: { memory: Math.round(cpu.memory! / CPU_READS), redis: Math.round(cpu.redis! / CPU_READS) },
      cpuRatio: Number((cpu.redis! / cpu.memory!).toFixed(2)),
      redisCommandsPerRead,
    };
  } finally {
    consoles.memory.stop();
    consoles.redis.stop();
    emulator.stop();
    await redis.stop();
  }
}
