// The per-secret series against the real emulator: from the overview's own sweep (a person opening
// the overview after it costs no second sweep), a scrape that calls no CSMS, and the tag keys
// named as labels, read with ListResourceInstances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { serverConfigFromEnv } from './config.ts';
import { startTestServer } from './testing/start-test-server.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
const pid = randomProjectId();
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const csms = emulator.clientFor(pid);
  const created = await csms.createSecret({ name: 'db', secret_string: 'x' });
  for (const tag of [
    { key: 'team', value: 'payments' },
    { key: 'cost-center', value: 'unnamed-so-not-exported' },
  ])
    expect((await csms.createTag(created.body.secret.id, { tag })).status).toBe(204);
  await emulator.admin.addTask(pid, { secret_name: 'db', task_status: 'FAILED', task_time: '-1h', task_error_code: 'CSMS.0503' });
  server = await startTestServer(
    { endpoint: emulator.url, accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey },
    {
      metricsToken: TOKEN,
      metricsTagLabels: ['team'],
      publicUrl: 'https://console.example.com',
      projects: [{ id: pid, name: 'cn-north-4_team', region: 'cn-north-4' }],
    },
  );
});
afterAll(async () => {
  await server.close();
  await emulator.close();
});

const scrape = async () => (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
const listings = async () => (await emulator.admin.requests(pid, /\/secrets$/)).filter((r) => r.method === 'GET').length;

describe("/metrics' per-secret series", () => {
  it("come from the overview's sweep; a scrape calls no CSMS", async () => {
    await expect.poll(scrape, { timeout: 10_000 }).toContain('csms_secret_rotation_failed{');
    const before = await listings();
    expect(before).toBe(1);
    for (let i = 0; i < 3; i++) await scrape();
    const overview = await server.get(`/api/overview/${pid}`);
    expect(overview.status).toBe(200);
    expect(((await overview.json()) as { secrets: unknown[] }).secrets).toHaveLength(1);
    expect(await listings()).toBe(before);
  });

  it('label each series with the tag keys named, and no other', async () => {
    const text = await scrape();
    const labels = `project="cn-north-4_team",project_id="${pid}",region="cn-north-4",secret="db",tag_team="payments"`;
    expect(text).toContain(`csms_secret_info{${labels},type="COMMON",state="ENABLED"} 1`);
    expect(text).toContain(`csms_secret_rotation_failed{${labels}} 1`);
    expect(text).toContain(`csms_secret_rotation_failure_info{${labels},error_code="CSMS.0503"} 1`);
    expect(text).toContain(`csms_secret_versions{${labels}} 1`);
    expect(text).not.toContain('cost');
    expect(text).toContain('csms_console_info{public_url="https://console.example.com"} 1');
    expect(text).toContain('csms_health_scrape_errors_total{project="cn-north-4_team",part="tags"} 0');
  });
});

describe('CONSOLE_METRICS_TAG_LABELS and CONSOLE_PUBLIC_URL', () => {
  it('take tag keys as labels, refusing keys that would clash, and the public address without its trailing /', () => {
    const config = serverConfigFromEnv({ CONSOLE_METRICS_TAG_LABELS: 'team, env', CONSOLE_PUBLIC_URL: 'https://console.example.com/' });
    expect(config.metricsTagLabels).toEqual(['team', 'env']);
    expect(config.publicUrl).toBe('https://console.example.com');
    expect(serverConfigFromEnv({}).metricsTagLabels).toEqual([]);
    expect(() => serverConfigFromEnv({ CONSOLE_METRICS_TAG_LABELS: 'cost-center,cost_center' })).toThrow(/same label .*tag_cost_center/);
    expect(() => serverConfigFromEnv({ CONSOLE_METRICS_TAG_LABELS: 'team,owner!' })).toThrow(/"owner!"/);
    expect(() => serverConfigFromEnv({ CONSOLE_METRICS_TAG_LABELS: 'a,b,c,d,e,f' })).toThrow(/at most 5/);
    expect(() => serverConfigFromEnv({ CONSOLE_PUBLIC_URL: 'console.example.com' })).toThrow(/CONSOLE_PUBLIC_URL/);
  });
});
