// What a Prometheus scrape of /metrics costs with the per-secret series of a project of 500
// secrets: a console with a metrics token in front of a counting relay (no delay) to the emulator
// the operations part seeded. Its own sweep (at start) fills the series; then SCRAPES scrapes one
// at a time, the console process's CPU (/proc/PID/stat, user + system) per scrape, and the calls
// the relay saw meanwhile, which must be none: the series come from the sweep's stored state.
import { setTimeout as sleep } from 'node:timers/promises';
import { startDelayingRelay } from './relay.ts';
import { cpuMicros, startCloudConsole } from './server.ts';

const SCRAPES = 30;
const TOKEN = 'bench-metrics-token-0123456789';
const SWEEP_TIMEOUT_MS = 60_000;

export async function benchMetricsScrape(emulatorUrl: string, project: string, secrets: number) {
  const relay = await startDelayingRelay(emulatorUrl, 0);
  const consoleServer = await startCloudConsole(relay.url, project, [], { CONSOLE_METRICS_TOKEN: TOKEN });
  try {
    const url = `${new URL(consoleServer.found.url!).origin}/metrics`;
    const scrape = async () => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`/metrics answered ${res.status}: ${text.slice(0, 200)}`);
      return text;
    };
    const infoSeries = (text: string) => text.split('\n').filter((line) => line.startsWith('csms_secret_info{')).length;
    // The sweep the console starts with: done once every secret has its series.
    const deadline = performance.now() + SWEEP_TIMEOUT_MS;
    let text = await scrape();
    while (infoSeries(text) < secrets) {
      if (performance.now() > deadline) throw new Error(`/metrics had ${infoSeries(text)} of ${secrets} secrets' series after a minute`);
      await sleep(200);
      text = await scrape();
    }
    for (let i = 0; i < 5; i++) await scrape(); // warm-up
    const callsBefore = relay.calls();
    const before = cpuMicros(consoleServer.pid);
    for (let i = 0; i < SCRAPES; i++) await scrape();
    const cpuMs = (cpuMicros(consoleServer.pid) - before) / 1000 / SCRAPES;
    return {
      secrets,
      scrapes: SCRAPES,
      series: text.split('\n').filter((line) => line && !line.startsWith('#')).length,
      bytes: Buffer.byteLength(text),
      cpuMsPerScrape: Number(cpuMs.toFixed(1)),
      upstreamCalls: relay.calls() - callsBefore,
    };
  } finally {
    consoleServer.stop();
    relay.close();
  }
}
