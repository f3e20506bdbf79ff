// The load test: 200 concurrent clients on the proxy for 30 s (loopback
// only, bounded), a mix of every read including value reads. Budget: no error but rate-limit 429s,
// and the heap back to its baseline: heap in use after a full GC, after a short warm-up (caches,
// connection pools) and again once the load is over. Peak RSS is reported too.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectHeapProbe } from './heap-probe.ts';
import { BENCH_PROJECT, seedBenchSecrets, startConsole } from './server.ts';

const CONNECTIONS = 200;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const SETTLE_MS = 2_000;
const WARM_UP_SECONDS = 3;
/** How far above its baseline the heap may stay once the load is over. */
export const HEAP_BUDGET_MIB = 8;

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

export async function loadTest() {
  const { consoleUrl, emulatorUrl, inspectorUrl, pid, stop } = await startConsole();
  const heap = await connectHeapProbe(inspectorUrl);
  try {
    await seedBenchSecrets(emulatorUrl);
    const base = `/api/v1/${BENCH_PROJECT}/secrets`;
    const paths = [
      `${base}?limit=50`,
      `${base}/bench-001`,
      `${base}/bench-002/versions`,
      `${base}/bench-003/stages/SYSCURRENT`,
      `${base}/bench-004/versions/latest`,
    ];
    const run = (duration: number) =>
      autocannon({
        url: consoleUrl,
        connections: CONNECTIONS,
        duration,
        headers: { 'x-console-request': '1' },
        requests: paths.map((path) => ({ method: 'GET', path })),
      });
    await run(WARM_UP_SECONDS);
    await sleep(SETTLE_MS);
    const heapBaselineMiB = await heap.heapAfterGcMiB();
    let peakMiB = rssMiB(pid);
    const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, rssMiB(pid))), 250);
    const result = await run(SECONDS);
    clearInterval(sampler);
    await sleep(SETTLE_MS);
    const heapAfterMiB = await heap.heapAfterGcMiB();
    const statuses = Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, (stat as { count: number }).count]),
    );
    const unexpected = Object.entries(statuses)
      .filter(([code]) => code !== '200' && code !== '429')
      .reduce((sum, [, n]) => sum + n, 0);
    return {
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      p99Ms: result.latency.p99,
      statuses,
      errors: result.errors + result.timeouts + unexpected,
      memoryMiB: {
        heapBaseline: Number(heapBaselineMiB.toFixed(1)),
        heapAfter: Number(heapAfterMiB.toFixed(1)),
        peakRss: Math.round(peakMiB),
      },
    };
  } finally {
    heap.close();
    stop();
  }
}
