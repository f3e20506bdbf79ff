// The operations artefacts in deploy/: the alert rules pass their promtool unit tests (series in,
// alerts out, two instances), each rule has a test, and every series the rules and the Grafana
// dashboard name is one the console's /metrics really exposes; every dashboard query parses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
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

/** Every series name /metrics exposes (a histogram's _bucket, _sum and _count), with each
 * per-secret series filled by a sweep of the emulator. */
async function exposedNames(): Promise<Set<string>> {
  const emulator = await startTestEmulator();
  const pid = randomProjectId();
  await emulator.clientFor(pid).createSecret({ name: 'db', secret_string: 'x' });
  const server = await startTestServer(
    { endpoint: emulator.url, accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey },
    { metricsToken: TOKEN, publicUrl: 'https://console.example.com', projects: [{ id: pid, name: 'team', region: 'cn-north-4' }] },
  );
  try {
    const scrape = async () => (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    await expect.poll(scrape, { timeout: 10_000 }).toContain('csms_secret_info{');
    const names = new Set<string>();
    for (const [, name, type] of (await scrape()).matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      names.add(name!);
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    }
    return names;
  } finally {
    await server.close();
    await emulator.close();
  }
}

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

describe('the series the rules and the dashboard name', () => {
  it('are all exposed by /metrics', { timeout: 30_000 }, async () => {
    const exposed = await exposedNames();
    const named = new Set([...queries.flatMap((q) => [...seriesNamed(q)]), ...seriesNamed(readFileSync(RULES, 'utf8'))]);
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((name) => !exposed.has(name))).toEqual([]);
  });
});
