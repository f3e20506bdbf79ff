// The operations and support reads at a cloud's distance: a project of 500 secrets (CSMS's quota)
// behind a 150 ms round trip, emulated by a delaying relay between the console and the emulator
// (which also counts the calls in flight). Measured through the console's own API, as the pages
// call it:
// - the overview: its first answer (the list, and what the sweep has by then), the full sweep of
//   every secret's versions, the most calls in flight, and a second viewer served from the sweep;
// - compare: two versions compared, against two value reads through the proxy in parallel;
// - a /metrics scrape with every secret's series (metrics-scrape.ts), on the same seeded emulator.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProjectOverview } from '../src/shared/console-api.ts';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';
import { csmsClient } from '../src/emulator/testing/csms-client.ts';
import { benchMetricsScrape } from './metrics-scrape.ts';
import { startDelayingRelay } from './relay.ts';
import { startCloudConsole, startProcess } from './server.ts';

const PROJECT = 'fedcba9876543210fedcba9876543210';
const SECRETS = 500;
const RTT_MS = 150;
/** The app asks for a sweep under way once a second: the bench asks as often, no more, so its
 * own questions do not take the cores from the sweep it measures. */
const APP_POLL_MS = 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchOperations() {
  const emulator = await startProcess(
    'src/emulator/main.ts',
    { CSMS_EMULATOR_PORT: '0', CSMS_EMULATOR_DB: ':memory:', CSMS_EMULATOR_SEED: 'none' },
    { url: /CSMS emulator on (http:\/\/\S+)/ },
  );
  const relay = await startDelayingRelay(emulator.found.url!, RTT_MS);
  const consoleServer = await startCloudConsole(relay.url, PROJECT);
  try {
    const csms = csmsClient({ endpoint: emulator.found.url!, ...EMULATOR_DEFAULTS, projectId: PROJECT });
    for (let i = 0; i < SECRETS; i++) {
      const name = `ops-${String(i).padStart(3, '0')}`;
      await csms.createSecret({ name, secret_string: JSON.stringify({ user: 'u', password: `p${i}` }) });
      if (i < 2) await csms.createVersion(name, { secret_string: JSON.stringify({ user: 'u', password: `q${i}` }) });
    }
    const opened = await fetch(consoleServer.found.url!, { redirect: 'manual' });
    const headers = { 'x-console-request': '1', cookie: opened.headers.get('set-cookie')!.split(';')[0]! };
    const origin = new URL(consoleServer.found.url!).origin;
    const get = async (path: string) => {
      const started = performance.now();
      const res = await fetch(`${origin}${path}`, { headers });
      const body = await res.json();
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
      return { ms: performance.now() - started, body };
    };

    const overviewPath = `/api/overview/${PROJECT}`;
    const started = performance.now();
    const first = await get(overviewPath);
    const firstOverview = first.body as ProjectOverview;
    let overview = firstOverview;
    while (!overview.complete) {
      await sleep(APP_POLL_MS);
      overview = (await get(overviewPath)).body as ProjectOverview;
    }
    // The sweep ends with its last version listing answered (the tasks, events and notifications
    // are read alongside the list, first); the polling's steps are not the sweep's.
    const sweepMs = relay.lastVersionsAnsweredAt() - started;
    const secondViewer = await get(overviewPath);

    const versions = (ref: string) => `/api/v1/${PROJECT}/secrets/ops-000/versions/${ref}`;
    const compareMs: number[] = [];
    const readsMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      compareMs.push((await get(`/api/compare?a=${PROJECT}/ops-000/v1&b=${PROJECT}/ops-000/v2`)).ms);
      const pair = performance.now();
      await Promise.all([get(versions('v1')), get(versions('v2'))]);
      readsMs.push(performance.now() - pair);
    }
    const metricsScrape = await benchMetricsScrape(emulator.found.url!, PROJECT, SECRETS);
    return {
      secrets: SECRETS,
      rttMs: RTT_MS,
      overview: {
        firstAnswerMs: Math.round(first.ms),
        firstAnswer: { secrets: firstOverview.secrets.length, checked: firstOverview.progress.checked },
        fullSweepMs: Math.round(sweepMs),
        mostInFlight: relay.mostInFlight(),
        secondViewerMs: Math.round(secondViewer.ms),
      },
      compare: { medianMs: Math.round(median(compareMs)), twoReadsMedianMs: Math.round(median(readsMs)) },
      metricsScrape,
    };
  } finally {
    consoleServer.stop();
    emulator.stop();
    relay.close();
  }
}
