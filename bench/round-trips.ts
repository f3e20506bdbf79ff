// The chain of API requests behind a cold deep link. `node --import tsx bench/round-trips.ts`
// (after `npx vite build`) prints each core page's requests, each with its depth in the chain:
// only this part of `npm run bench`, for work on the waterfall without the minutes of the rest.
import { chromium, type Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { startConsole } from './server.ts';

const DEMO = DEMO_PROJECTS.production.id;
export const DEEP_LINKS = {
  lookup: `/projects/${DEMO}/secrets`,
  'secret detail': `/projects/${DEMO}/secrets/kafka-sasl-credentials`,
  stage: `/projects/${DEMO}/secrets/jwt-signing-key/stages/CANARY`,
  version: `/projects/${DEMO}/secrets/prod-postgres-app/versions/latest`,
};

export interface ApiCall {
  path: string;
  start: number;
  end: number;
  /** 1 for a request started before any other answer arrived; n + 1 for one started after an answer at depth n. */
  depth: number;
}

/** The longest chain of API requests where each starts only after the previous one ended, from
 * the page's own Resource Timing (one monotonic clock), with a 150 ms round trip emulated: on bare
 * loopback an answer can arrive before the next request of the same burst is even issued. */
export async function apiRoundTrips(page: Page, url: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: -1, uploadThroughput: -1 });
  await page.goto(url, { waitUntil: 'networkidle' });
  const calls: ApiCall[] = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.startsWith('/api/'))
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd, depth: 1 })),
  );
  calls.sort((a, b) => a.start - b.start);
  calls.forEach((c, i) => calls.slice(0, i).forEach((p) => p.end <= c.start && (c.depth = Math.max(c.depth, p.depth + 1))));
  return { requests: calls.length, roundTrips: Math.max(0, ...calls.map((c) => c.depth)), calls };
}

async function main() {
  const server = await startConsole({ CSMS_EMULATOR_SEED: 'demo' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const [name, path] of Object.entries(DEEP_LINKS)) {
      const context = await browser.newContext(); // cold: nothing cached
      // tsx names functions with a `__name` helper that the page does not have.
      await context.addInitScript('globalThis.__name = (f) => f');
      const { requests, roundTrips, calls } = await apiRoundTrips(await context.newPage(), `${server.consoleUrl}${path}`);
      console.log(`${name}: ${roundTrips} round trips, ${requests} API requests`);
      const t0 = calls[0]?.start ?? 0;
      for (const c of calls)
        console.log(`  ${c.depth}  ${String(Math.round(c.start - t0)).padStart(5)}–${String(Math.round(c.end - t0)).padEnd(5)} ${c.path}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
