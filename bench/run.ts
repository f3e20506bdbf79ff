// `npm run bench`: bounded, loopback-only measurements of the production build and the servers.
// Prints one table, writes bench/results.json, and exits non-zero when a budget is broken.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchBrowser } from './browser.ts';
import { FLOOR_FACTOR } from '../scripts/first-load-budget.ts';
import { buildAndMeasure } from './bundle.ts';
import { benchLighthouse } from './lighthouse.ts';
import { HEAP_BUDGET_MIB, loadTest } from './load.ts';
import { benchOperations } from './operations.ts';
import { benchServer, type LoadResult } from './server.ts';
import { benchSharedStores } from './shared-stores.ts';

const BUDGETS = {
  firstLoadOverFloor: FLOOR_FACTOR,
  roundTrips: 1,
  revealOverheadMs: 33, // two frames beyond the value request itself
  filterKeystrokeP95Ms: 50,
  renderedRows: 100,
  manyVersionsMs: 500,
  // Over the signing floor (bench/passthrough.ts): a pass-through that signs and re-serializes.
  proxyCpuOverSigningFloor: 1.25,
  // On two shared cores the p99 swings from run to run: reported, not budgeted.
  proxyAddedP50Ms: 1,
  sharedStoresAddedP50Ms: 1,
  sharedStoresCpuRatio: 1.2,
  lighthouseScore: 90,
  overviewFirstAnswerMs: 1000,
  overviewSweepMs: 10_000,
  overviewCallsInFlight: 8,
  overviewSecondViewerMs: 100,
  compareOverTwoReadsMs: 30,
  metricsScrapeCpuMs: 50,
};

// How long each part takes, so the whole run can be kept within its few minutes.
const partSeconds: Record<string, number> = {};
async function part<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    partSeconds[name] = Math.round((performance.now() - started) / 1000);
    console.error(`bench: ${name} took ${partSeconds[name]} s`);
  }
}

const { floor, bundles, modules: lookupModules } = await part('builds', () => buildAndMeasure('lookup'));
const browserResults = await part('browser', benchBrowser);
const lighthouseResults = await part('lighthouse', benchLighthouse);
const server = await part('server', benchServer);
const load = await part('load', loadTest);
const shared = await part('stores in Redis', benchSharedStores);
const operations = await part('operations', benchOperations);

const rows: [string, string, string, boolean][] = [];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
rows.push(['first load: floor app', `${kib(floor)} gzip (react, react-dom, react-query, react-router, tailwind)`, '', true]);
for (const b of bundles)
  rows.push([
    `first load: ${b.page}`,
    `${kib(b.gzipBytes)} gzip in ${b.files} files with ${b.catalog.split('/').at(-1)}, ${b.overFloor}× the floor (sent: ${kib(b.brotliBytes)} brotli)`,
    `≤ ${BUDGETS.firstLoadOverFloor}×`,
    b.withinBudget,
  ]);
for (const [page, r] of Object.entries(browserResults.roundTrips))
  rows.push([
    `round trips: ${page}`,
    `${r.roundTrips} (${r.requests} API requests, 150 ms RTT emulated)`,
    `≤ ${BUDGETS.roundTrips}`,
    r.roundTrips <= BUDGETS.roundTrips,
  ]);
const { reveal, scale, firstPage } = browserResults;
rows.push([
  'reveal: click → value painted',
  `median ${reveal.medianMs.toFixed(1)} ms; its request ${reveal.medianRequestMs.toFixed(1)} ms; overhead ${reveal.medianOverheadMs.toFixed(1)} ms (20 clicks)`,
  `overhead ≤ ${BUDGETS.revealOverheadMs} ms`,
  reveal.medianOverheadMs <= BUDGETS.revealOverheadMs,
]);
rows.push([
  `scale: ${scale.secrets.toLocaleString('en-US')} secrets`,
  `first rows ${scale.firstRowsMs} ms, all loaded ${scale.allLoadedMs} ms, JS heap ${scale.heapMiB} MiB, ${scale.domNodes} DOM nodes`,
  '',
  true,
]);
rows.push([
  'scale: rendered rows',
  `${scale.renderedRows}`,
  `≤ ${BUDGETS.renderedRows} (virtualized)`,
  scale.renderedRows <= BUDGETS.renderedRows,
]);
rows.push([
  'scale: filter per keystroke',
  `p95 ${scale.filterKeystrokeP95Ms} ms`,
  `≤ ${BUDGETS.filterKeystrokeP95Ms} ms`,
  scale.filterKeystrokeP95Ms <= BUDGETS.filterKeystrokeP95Ms,
]);
rows.push([
  'scale: 20 versions, 12 stages',
  `rendered in ${scale.manyVersionsMs} ms`,
  `≤ ${BUDGETS.manyVersionsMs} ms`,
  scale.manyVersionsMs <= BUDGETS.manyVersionsMs,
]);
rows.push([
  'audit: lookup page',
  `FCP ${firstPage.fcpMs} ms, LCP ${firstPage.lcpMs} ms, CLS ${firstPage.cls}, axe violations ${firstPage.axeViolations}, console errors ${firstPage.consoleErrors}`,
  'no violation, no error',
  firstPage.axeViolations === 0 && firstPage.consoleErrors === 0,
]);
for (const l of lighthouseResults)
  rows.push([
    `lighthouse: ${l.page}`,
    `performance ${l.scores.performance}, accessibility ${l.scores.accessibility}, best practices ${l.scores['best-practices']}${l.errors.length ? `; could not run: ${l.errors.join('; ')}` : ''}`,
    `each ≥ ${BUDGETS.lighthouseScore}`,
    Object.values(l.scores).every((score) => score >= BUDGETS.lighthouseScore),
  ]);
for (const s of server) {
  const ok = (r: LoadResult) => r.errors === 0 && r.non2xx === 0;
  rows.push([
    `${s.operation} at ${s.rate}/s: CPU per request`,
    `proxy ${s.proxy.cpuMicrosPerRequest} µs, signing floor ${s.passthrough.cpuMicrosPerRequest} µs: ${s.cpuRatio}×`,
    `≤ ${BUDGETS.proxyCpuOverSigningFloor}×`,
    s.cpuRatio <= BUDGETS.proxyCpuOverSigningFloor && ok(s.proxy) && ok(s.passthrough),
  ]);
  rows.push([
    `${s.operation} at ${s.rate}/s: latency added`,
    `p50 +${s.addedP50Ms} ms, p99 +${s.addedP99Ms} ms, reported (emulator p50 ${s.emulator.p50Ms} / p99 ${s.emulator.p99Ms} ms; the signing floor adds p50 +${(s.passthrough.p50Ms - s.emulator.p50Ms).toFixed(2)} ms, p99 ${s.passthrough.p99Ms} ms)`,
    `p50 ≤ +${BUDGETS.proxyAddedP50Ms} ms`,
    s.addedP50Ms <= BUDGETS.proxyAddedP50Ms && ok(s.emulator),
  ]);
}

rows.push([
  `load: ${load.connections} clients × ${load.seconds} s`,
  `${load.requests} requests, ${load.requestsPerSecond} req/s, p99 ${load.p99Ms} ms, statuses ${JSON.stringify(load.statuses)}`,
  'no error but 429',
  load.errors === 0,
]);
rows.push([
  'load: memory',
  `heap after GC ${load.memoryMiB.heapBaseline} → ${load.memoryMiB.heapAfter} MiB; peak RSS ${load.memoryMiB.peakRss} MiB`,
  `heap ≤ baseline + ${HEAP_BUDGET_MIB} MiB`,
  load.memoryMiB.heapAfter <= load.memoryMiB.heapBaseline + HEAP_BUDGET_MIB,
]);
rows.push([
  'value read, stores in Redis: added p50',
  `${shared.addedP50Ms} ms (memory ${shared.p50Ms.memory} ms, Redis ${shared.p50Ms.redis} ms; ${shared.reads.sequential} reads one at a time)`,
  `≤ ${BUDGETS.sharedStoresAddedP50Ms} ms`,
  shared.addedP50Ms <= BUDGETS.sharedStoresAddedP50Ms,
]);
rows.push([
  'value read, stores in Redis: CPU',
  `${shared.cpuMicrosPerRead.redis} µs a read, ${shared.cpuRatio}× memory's ${shared.cpuMicrosPerRead.memory} µs (${shared.reads.cpu} reads each); ${shared.redisCommandsPerRead} Redis round trips a read`,
  `≤ ${BUDGETS.sharedStoresCpuRatio}×`,
  shared.cpuRatio <= BUDGETS.sharedStoresCpuRatio,
]);
const { overview, compare } = operations;
const at = `${operations.secrets} secrets, ${operations.rttMs} ms RTT`;
rows.push([
  `overview, ${at}: first answer`,
  `${overview.firstAnswerMs} ms (${overview.firstAnswer.secrets} secrets listed, ${overview.firstAnswer.checked} swept)`,
  `≤ ${BUDGETS.overviewFirstAnswerMs} ms`,
  overview.firstAnswerMs <= BUDGETS.overviewFirstAnswerMs,
]);
rows.push([
  `overview, ${at}: full sweep`,
  `${overview.fullSweepMs} ms, at most ${overview.mostInFlight} calls in flight`,
  `≤ ${BUDGETS.overviewSweepMs} ms, ≤ ${BUDGETS.overviewCallsInFlight} in flight`,
  overview.fullSweepMs <= BUDGETS.overviewSweepMs && overview.mostInFlight <= BUDGETS.overviewCallsInFlight,
]);
rows.push([
  `overview, ${at}: a second viewer`,
  `${overview.secondViewerMs} ms (from the sweep)`,
  `≤ ${BUDGETS.overviewSecondViewerMs} ms`,
  overview.secondViewerMs <= BUDGETS.overviewSecondViewerMs,
]);
rows.push([
  `compare two versions, ${operations.rttMs} ms RTT`,
  `median ${compare.medianMs} ms; two value reads in parallel ${compare.twoReadsMedianMs} ms`,
  `≤ reads + ${BUDGETS.compareOverTwoReadsMs} ms`,
  compare.medianMs <= compare.twoReadsMedianMs + BUDGETS.compareOverTwoReadsMs,
]);
const { metricsScrape } = operations;
rows.push([
  `/metrics scrape, ${metricsScrape.secrets} secrets' series`,
  `${metricsScrape.cpuMsPerScrape} ms CPU a scrape (${metricsScrape.scrapes} scrapes of ${metricsScrape.series} series, ${kib(metricsScrape.bytes)}); ${metricsScrape.upstreamCalls} upstream calls meanwhile`,
  `≤ ${BUDGETS.metricsScrapeCpuMs} ms CPU, no upstream call`,
  metricsScrape.cpuMsPerScrape <= BUDGETS.metricsScrapeCpuMs && metricsScrape.upstreamCalls === 0,
]);

const width = Math.max(...rows.map((r) => r[0].length));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`\n${machine}`);
for (const [name, value, budget, ok] of rows)
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(width)}  ${value}${budget ? `  (budget ${budget})` : ''}`);
console.log(`\nTime by part (s): ${JSON.stringify(partSeconds)}`);
console.log("\nThe lookup page's first load by module (gzip, the 25 largest):");
for (const m of lookupModules.slice(0, 25)) console.log(`${kib(m.gzipBytes).padStart(10)}  ${m.module}`);
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ time: new Date().toISOString(), machine, partSeconds, floorGzipBytes: floor, bundles, lookupModules, browser: browserResults, lighthouse: lighthouseResults, server, load, shared, operations }, null, 2)}\n`,
);
process.exit(rows.every((r) => r[3]) ? 0 : 1);
