// /metrics: off unless a token is set, then for that bearer token only; the console's counters and
// each project's secret health; valid for promtool; and scraped by a real Prometheus (Debian's
// package: `apt-get install prometheus`), whose query API then returns a health gauge.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { startTestServer } from './testing/start-test-server.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const pid = randomProjectId();
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const csms = emulator.clientFor(pid);
  await csms.createSecret({ name: 'db', secret_string: 'x', auto_rotation: true, rotation_period: '30d' });
  await emulator.admin.setLastRotation(pid, 'db', Date.now() - 95 * 86400_000);
  await csms.createSecret({ name: 'off', secret_string: 'x' });
  await emulator.admin.setState(pid, 'off', 'DISABLED');
  server = await startTestServer(
    { endpoint: emulator.url, ...creds },
    { metricsToken: TOKEN, projects: [{ id: pid, name: 'cn-north-4_team', region: 'cn-north-4' }] },
  );
});
afterAll(async () => {
  await server.close();
  await emulator.close();
});

const scrape = () => fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });

describe('/metrics', () => {
  it('is off without a token', async () => {
    const off = await startTestServer({ endpoint: emulator.url, ...creds });
    try {
      const res = await fetch(`${off.url}/metrics`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('csms_');
    } finally {
      await off.close();
    }
  });

  it('answers the bearer token only', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await scrape()).status).toBe(200);
  });

  it("counts requests and value reads, and gives each project's health", async () => {
    await server.get(`/api/v1/${pid}/secrets/db/versions/v1`);
    await server.get(`/api/v1/${pid}/secrets/off/versions/v1`);
    await expect.poll(async () => scrape().then((r) => r.text()), { timeout: 10_000 }).toContain('csms_secrets_attention');
    const text = await (await scrape()).text();
    expect(text).toContain('csms_console_value_reads_total{outcome="ok"} 1');
    expect(text).toMatch(
      /csms_console_http_requests_total\{route="\/api\/v1\/:project_id\/secrets\/:secret_name\/versions\/:version_id",method="GET",status="200"\} 1/,
    );
    expect(text).toMatch(/csms_console_upstream_duration_seconds_count\{operation="ShowSecretVersion",status="200"\} 1/);
    const labels = 'project="cn-north-4_team",region="cn-north-4"';
    expect(text).toContain(`csms_secrets{${labels},state="ENABLED"} 1`);
    expect(text).toContain(`csms_secrets{${labels},state="DISABLED"} 1`);
    expect(text).toContain(`csms_secrets_attention{${labels},reason="rotation_overdue"} 1`);
    expect(text).not.toMatch(/ "x"|secret_string/);
  });

  it('passes promtool check metrics', async () => {
    const text = await (await scrape()).text();
    const checked = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    if (checked.error) throw new Error('promtool is not installed: apt-get install prometheus');
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });
});

describe('a real Prometheus', () => {
  let prometheus: ChildProcess | undefined;
  afterAll(() => prometheus?.kill('SIGKILL'));

  it('scrapes the console, and its query API returns a health gauge', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'prometheus-'));
    const target = new URL(server.url).host;
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: csms-console\n    authorization:\n      credentials: ${TOKEN}\n    static_configs:\n      - targets: ['${target}']\n`,
    );
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    );
    // A Prometheus that cannot start (not installed, a bad flag) fails the test at once, not at the poll's end.
    const started = prometheus;
    const failedToStart = new Promise<never>((_, reject) => {
      started.once('error', (error) => reject(new Error(`prometheus could not start (${error.message}): apt-get install prometheus`)));
      started.once('exit', (code) => reject(new Error(`prometheus exited with ${code} before it scraped the console`)));
    });
    const query = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent('csms_secrets{state="ENABLED"}')}`).catch(
        () => null,
      );
      const body = (await res?.json().catch(() => null)) as {
        data?: { result?: { metric: Record<string, string>; value: [number, string] }[] };
      } | null;
      return body?.data?.result ?? [];
    };
    const scraped = expect.poll(query, { timeout: 45_000, interval: 500 }).toEqual([
      expect.objectContaining({
        metric: expect.objectContaining({ project: 'cn-north-4_team', job: 'csms-console' }),
        value: [expect.any(Number), '1'],
      }),
    ]);
    await Promise.race([scraped, failedToStart]);
    // Each secret's series too: the overdue next rotation of "db", as a timestamp in the past.
    const instant = async (promql: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent(promql)}`).catch(() => null);
      const body = (await res?.json().catch(() => null)) as { data?: { result?: { metric: Record<string, string> }[] } } | null;
      return body?.data?.result ?? [];
    };
    await expect
      .poll(() => instant('csms_secret_next_rotation_timestamp_seconds < time() and on (secret) csms_secret_info{state="ENABLED"}'), {
        timeout: 15_000,
        interval: 500,
      })
      .toEqual([expect.objectContaining({ metric: expect.objectContaining({ secret: 'db', project_id: pid }) })]);
    expect(await instant('csms_secret_info')).toHaveLength(2);
    expect(await instant('csms_secret_versions_limit')).toHaveLength(1);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
