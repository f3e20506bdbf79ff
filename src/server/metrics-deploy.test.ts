// The operations artefacts in deploy/: the alert rules pass their promtool unit tests (series in,
// alerts out, two instances), each rule has a test, and every series the rules and the Grafana
// dashboard name is one the console's /metrics really exposes; every dashboard query parses; and a
// real Prometheus scraping the console with the rules loaded fires their alerts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { freePort } from './testing/redis-server.ts';
import { startTestServer } from './testing/start-test-server.ts';

const DEPLOY = join(import.meta.dirname, '../../deploy');
const RULES = join(DEPLOY, 'prometheus/csms-alerts.yaml');
const RULE_TESTS = join(DEPLOY, 'prometheus/csms-alerts.test.yaml');
const DASHBOARD = join(DEPLOY, 'grafana/csms-secrets.json');
const TOKEN = 'metrics-token-0123456789abcdef';

function promtool(args: string[]) {
  const run = spawnSync('promtool', args, { encoding: 'utf8' });
  if (run.error) throw new Error('promtool is not installed: apt-get install prometheus');
  return { status: run.status, output: run.stdout + run.stderr };
}

interface Panel {
  type: string;
  id: number;
  title: string;
  datasource?: { uid: string };
  targets?: { expr: string }[];
}
const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; definition?: string }[] };
};
const queries = [
  ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)),
  ...dashboard.templating.list.flatMap((v) => (v.definition ? [v.definition] : [])),
];
const seriesNamed = (text: string) => new Set(text.match(/\bcsms_[a-z0-9_]+\b/g) ?? []);

describe('deploy/prometheus/csms-alerts.yaml', () => {
  it('passes promtool check rules and its unit tests (promtool test rules)', () => {
    const checked = promtool(['check', 'rules', RULES]);
    expect(checked.output).toContain('SUCCESS');
    const tested = promtool(['test', 'rules', RULE_TESTS]);
    expect(tested.output).toContain('SUCCESS');
    expect(tested.status).toBe(0);
  });

  it('has a unit test for every rule', () => {
    const rules = [...readFileSync(RULES, 'utf8').matchAll(/^\s+- alert: (\w+)$/gm)].map((m) => m[1]);
    const tested = new Set([...readFileSync(RULE_TESTS, 'utf8').matchAll(/^\s+alertname: (\w+)$/gm)].map((m) => m[1]));
    expect(rules.length).toBeGreaterThanOrEqual(9);
    expect(rules.filter((rule) => !tested.has(rule))).toEqual([]);
  });
});

describe('deploy/grafana/csms-secrets.json', () => {
  it('is a dashboard Grafana can provision: a uid, unique panel ids, every query on the chosen data source', () => {
    expect(dashboard.uid).toBe('csms-secrets');
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
    }
  });

  it('has queries that parse as PromQL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-queries-'));
    // Grafana's variables as Prometheus would receive them.
    const asSent = (expr: string) => expr.replaceAll('$__rate_interval', '5m').replaceAll('$project', '.*');
    const rules = queries
      .filter((q) => !q.startsWith('label_values('))
      .map((q, i) => `      - record: dashboard:query_${i}\n        expr: ${JSON.stringify(asSent(q))}`);
    writeFileSync(join(dir, 'queries.yaml'), `groups:\n  - name: dashboard\n    rules:\n${rules.join('\n')}\n`);
    const checked = promtool(['check', 'rules', join(dir, 'queries.yaml')]);
    expect(checked.output).toContain(`SUCCESS: ${rules.length} rules found`);
  });
});

describe('with the console running', () => {
  const pid = randomProjectId();
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let prometheus: ChildProcess | undefined;
  const scrape = async () => (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const csms = emulator.clientFor(pid);
    await csms.createSecret({ name: 'db', secret_string: 'x', auto_rotation: true, rotation_period: '30d' });
    await emulator.admin.setLastRotation(pid, 'db', Date.now() - 95 * 86400_000);
    await emulator.admin.addTask(pid, { secret_name: 'db', task_status: 'FAILED', task_time: '-1h', task_error_code: 'CSMS.0503' });
    server = await startTestServer(
      { endpoint: emulator.url, accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey },
      { metricsToken: TOKEN, publicUrl: 'https://console.example.com', projects: [{ id: pid, name: 'team', region: 'cn-north-4' }] },
    );
  });
  afterAll(async () => {
    prometheus?.kill('SIGKILL');
    await server.close();
    await emulator.close();
  });

  it('exposes every series the rules and the dashboard name', { timeout: 30_000 }, async () => {
    await expect.poll(scrape, { timeout: 10_000 }).toContain('csms_secret_info{');
    // Every name /metrics declares, with a histogram's _bucket, _sum and _count.
    const exposed = new Set<string>();
    for (const [, name, type] of (await scrape()).matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      exposed.add(name!);
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exposed.add(`${name}${suffix}`);
    }
    const named = new Set([...queries.flatMap((q) => [...seriesNamed(q)]), ...seriesNamed(readFileSync(RULES, 'utf8'))]);
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((name) => !exposed.has(name))).toEqual([]);
  });

  it("fires the rules' alerts in a real Prometheus, once each, linking to the secret's page", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'prometheus-rules-'));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        `rule_files: ['${RULES}']`,
        'scrape_configs:',
        '  - job_name: csms-console',
        `    authorization: { credentials: ${TOKEN} }`,
        `    static_configs: [{ targets: ['${new URL(server.url).host}'] }]`,
        '',
      ].join('\n'),
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
    const alerts = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/alerts`).catch(() => null);
      const body = (await res?.json().catch(() => null)) as {
        data?: { alerts?: { labels: Record<string, string>; annotations: Record<string, string>; state: string }[] };
      } | null;
      return (body?.data?.alerts ?? []).map((a) => ({ ...a.annotations, name: a.labels.alertname }));
    };
    const url = `https://console.example.com/projects/${pid}/secrets/db`;
    await expect.poll(alerts, { timeout: 45_000, interval: 500 }).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'CsmsSecretRotationFailed',
          secret: 'team/db',
          console_url: url,
          summary: expect.stringContaining('CSMS.0503'),
        }),
        expect.objectContaining({ name: 'CsmsSecretRotationOverdue', secret: 'team/db', console_url: url }),
      ]),
    );
    expect((await alerts()).map((a) => a.name).sort()).toEqual(['CsmsSecretRotationFailed', 'CsmsSecretRotationOverdue']);
  });
});
