// Each secret's series, drawn from the sweeps a fake sweeper hands out: moments as timestamps, a
// part not read gives no sample, the last data kept while the secrets cannot be listed, a secret
// gone is gone, and a project's series bounded.
import { afterEach, describe, expect, it } from 'vitest';
import type { Project, ProjectOverview } from '../shared/console-api.ts';
import type { Secret } from '../shared/schemas.ts';
import { keyPairIdentity } from './auth/identity.ts';
import { createMetrics } from './metrics.ts';
import { SECRETS_PER_PROJECT } from './metrics-secrets.ts';
import type { Sweeper } from './overview.ts';

const NOW = Date.UTC(2026, 11, 1, 12);
const DAY = 86400_000;
const project: Project = { id: 'a'.repeat(32), name: 'cn-north-4_team', region: 'cn-north-4' };
const sec = (ms: number) => String(Math.floor(ms / 1000));
const L = `project="${project.name}",project_id="${project.id}",region="cn-north-4"`;

const secret = (name: string, extra: Partial<Secret> = {}): Secret => ({ id: `id-${name}`, name, state: 'ENABLED', ...extra });

function overview(extra: Partial<ProjectOverview> = {}): ProjectOverview {
  return {
    project_id: project.id,
    as_of: NOW,
    complete: true,
    progress: { checked: 0, total: 0 },
    secrets: [],
    secrets_cut: false,
    versions: {},
    tasks: [],
    notifications: [],
    events: [],
    failed: {},
    keys: {},
    ...extra,
  };
}

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

/** Metrics watching one project through a sweeper that answers `current()`, refreshed every 20 ms. */
function watch(current: () => ProjectOverview, opts: { tagKeys?: string[]; publicUrl?: string; clock?: () => number } = {}) {
  const metrics = createMetrics({ clock: () => NOW, healthEveryMs: 20, ...opts });
  const sweeper: Sweeper = { sweep: async () => ({ overview: current(), done: Promise.resolve() }) };
  stops.push(metrics.watchHealth(sweeper, () => keyPairIdentity({ accessKey: 'AK', secretKey: 'SK' }, [project], 'ak:AK', 'metrics')));
  return () => metrics.registry.metrics();
}

const sampleLines = (text: string, name: string) =>
  text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

describe('per-secret series', () => {
  it('gives each secret its moments as timestamps, its state, its stages, its rotation and its key', async () => {
    const scrape = watch(
      () =>
        overview({
          secrets: [
            secret('db', {
              secret_type: 'RDS-FG',
              auto_rotation: true,
              rotation_time: NOW - 95 * DAY,
              next_rotation_time: NOW - 5 * DAY,
              kms_key_id: 'key-on',
            }),
            secret('old', { state: 'PENDING_DELETE', scheduled_delete_time: NOW + 2 * DAY, kms_key_id: 'key-off' }),
            secret('quiet', { kms_key_id: 'key-unreadable' }),
          ],
          versions: {
            db: [
              { id: 'v3', secret_name: 'db', version_stages: ['SYSCURRENT', 'blue'], expire_time: NOW + 5 * DAY },
              { id: 'v2', secret_name: 'db', version_stages: ['SYSPREVIOUS'], expire_time: NOW - DAY },
              { id: 'v1', secret_name: 'db', version_stages: [], expire_time: NOW - 9 * DAY },
            ],
            old: [{ id: 'v1', secret_name: 'old', version_stages: ['SYSCURRENT'] }],
          },
          tasks: [
            { task_id: 't1', secret_name: 'db', task_status: 'SUCCESS', task_time: NOW - 2 * DAY },
            { task_id: 't2', secret_name: 'db', task_status: 'FAILED', task_time: NOW - DAY, task_error_code: 'CSMS.0503' },
          ],
          tag_labels: { ok: true, values: { db: { team: 'payments' } } },
          keys: {
            'key-on': { ok: true, key_id: 'key-on', key_alias: 'app', key_state: '2' },
            'key-off': { ok: true, key_id: 'key-off', key_alias: 'old', key_state: '4' },
            'key-unreadable': {
              ok: false,
              key_id: 'key-unreadable',
              status: 403,
              code: 'KMS.0403',
              message: 'no',
              permission: 'kms:cmk:get',
            },
          },
        }),
      { tagKeys: ['team'], publicUrl: 'https://console.example.com' },
    );
    await expect.poll(scrape).toContain('csms_secret_info{');
    const text = await scrape();
    const db = `${L},secret="db",tag_team="payments"`;
    const old = `${L},secret="old",tag_team=""`;
    expect(sampleLines(text, 'csms_secret_info').sort()).toEqual([
      `csms_secret_info{${L},secret="db",tag_team="payments",type="RDS-FG",state="ENABLED"} 1`,
      `csms_secret_info{${L},secret="old",tag_team="",type="",state="PENDING_DELETE"} 1`,
      `csms_secret_info{${L},secret="quiet",tag_team="",type="",state="ENABLED"} 1`,
    ]);
    expect(sampleLines(text, 'csms_secret_next_rotation_timestamp_seconds')).toEqual([
      `csms_secret_next_rotation_timestamp_seconds{${db}} ${sec(NOW - 5 * DAY)}`,
    ]);
    expect(sampleLines(text, 'csms_secret_last_rotation_timestamp_seconds')).toEqual([
      `csms_secret_last_rotation_timestamp_seconds{${db}} ${sec(NOW - 95 * DAY)}`,
    ]);
    expect(sampleLines(text, 'csms_secret_rotation_failed')).toContain(`csms_secret_rotation_failed{${db}} 1`);
    expect(sampleLines(text, 'csms_secret_rotation_failed')).toContain(`csms_secret_rotation_failed{${old}} 0`);
    expect(sampleLines(text, 'csms_secret_rotation_failure_info')).toEqual([
      `csms_secret_rotation_failure_info{${db},error_code="CSMS.0503"} 1`,
    ]);
    // One series per stage held; a version with no stage, or no expiry, has none.
    expect(sampleLines(text, 'csms_secret_version_expire_timestamp_seconds').sort()).toEqual([
      `csms_secret_version_expire_timestamp_seconds{${db},stage="SYSCURRENT",version="v3"} ${sec(NOW + 5 * DAY)}`,
      `csms_secret_version_expire_timestamp_seconds{${db},stage="SYSPREVIOUS",version="v2"} ${sec(NOW - DAY)}`,
      `csms_secret_version_expire_timestamp_seconds{${db},stage="blue",version="v3"} ${sec(NOW + 5 * DAY)}`,
    ]);
    expect(sampleLines(text, 'csms_secret_scheduled_delete_timestamp_seconds')).toEqual([
      `csms_secret_scheduled_delete_timestamp_seconds{${old}} ${sec(NOW + 2 * DAY)}`,
    ]);
    // Versions of the secrets whose versions were read; "quiet"'s were not.
    expect(sampleLines(text, 'csms_secret_versions').sort()).toEqual([`csms_secret_versions{${db}} 3`, `csms_secret_versions{${old}} 1`]);
    expect(text).toContain('\ncsms_secret_versions_limit 20\n');
    // Enabled 1, pending deletion 0, a key that could not be read: no sample.
    expect(sampleLines(text, 'csms_secret_kms_key_enabled').sort()).toEqual([
      `csms_secret_kms_key_enabled{${db}} 1`,
      `csms_secret_kms_key_enabled{${old}} 0`,
    ]);
    expect(text).toContain('csms_console_info{public_url="https://console.example.com"} 1');
    expect(text).toContain(`csms_health_scrape_errors_total{project="${project.name}",part="keys"}`);
    expect(text).toContain(`csms_health_scrape_errors_total{project="${project.name}",part="tasks"} 0`);
  });

  it('gives no sample for a part the sweep could not read, and counts the failure', async () => {
    const scrape = watch(() =>
      overview({
        secrets: [secret('db')],
        tasks: [],
        failed: { tasks: { status: 403, code: 'CSMS.0403', message: 'no', permission: 'csms:secret:listTasks' } },
      }),
    );
    await expect.poll(scrape).toMatch(/csms_health_scrape_errors_total\{project="cn-north-4_team",part="tasks"\} [1-9]/);
    const text = await scrape();
    expect(text).toContain('csms_secret_info{');
    expect(sampleLines(text, 'csms_secret_rotation_failed')).toEqual([]);
    expect(text).not.toContain('csms_console_info');
  });

  it('keeps the last data while the secrets cannot be listed, ageing; a secret gone is gone', async () => {
    let clock = NOW;
    let current = overview({ secrets: [secret('db'), secret('gone')] });
    const scrape = watch(() => current, { clock: () => clock });
    await expect.poll(scrape).toContain('secret="gone"');
    clock = NOW + 5 * 60_000;
    current = overview({ as_of: clock, failed: { secrets: { status: 503, code: 'CSMS.0503', message: 'down' } } });
    await expect.poll(scrape).toMatch(/csms_health_scrape_errors_total\{project="cn-north-4_team",part="secrets"\} [1-9]/);
    const stale = await scrape();
    expect(stale).toContain('secret="gone"');
    expect(stale).toContain(`csms_health_sweep_age_seconds{project="${project.name}",project_id="${project.id}",region="cn-north-4"} 300`);
    current = overview({ as_of: clock, secrets: [secret('db')] });
    await expect.poll(scrape).not.toContain('secret="gone"');
    expect(await scrape()).toContain(
      `csms_health_sweep_age_seconds{project="${project.name}",project_id="${project.id}",region="cn-north-4"} 0`,
    );
  });

  it("keeps a secret's tag labels when the tags could not be read this time", async () => {
    let current = overview({ secrets: [secret('db')], tag_labels: { ok: true, values: { db: { team: 'payments' } } } });
    const scrape = watch(() => current, { tagKeys: ['team'] });
    await expect.poll(scrape).toContain('secret="db",tag_team="payments"');
    current = overview({ secrets: [secret('db')], tag_labels: { ok: false, status: 429, code: 'CSMS.0429', message: 'throttled' } });
    await expect.poll(scrape).toMatch(/csms_health_scrape_errors_total\{project="cn-north-4_team",part="tags"\} [1-9]/);
    expect(await scrape()).toContain('secret="db",tag_team="payments"');
  });

  it(`stops at ${SECRETS_PER_PROJECT} secrets a project, those needing attention first, and says how many it left out`, async () => {
    const many = Array.from({ length: SECRETS_PER_PROJECT + 5 }, (_, i) => secret(`s${String(i).padStart(4, '0')}`));
    many.push(secret('zz-disabled', { state: 'DISABLED' }));
    const scrape = watch(() => overview({ secrets: many }));
    await expect.poll(scrape).toContain('csms_secret_series_omitted');
    const text = await scrape();
    expect(sampleLines(text, 'csms_secret_info')).toHaveLength(SECRETS_PER_PROJECT);
    expect(text).toContain('secret="zz-disabled"');
    expect(text).toContain(`csms_secret_series_omitted{project="${project.name}",region="cn-north-4"} 6`);
  });

  it('says when a project has more secrets than the console reads, and goes back to 0 when it has not', async () => {
    let current = overview({ secrets: [secret('db')], secrets_cut: true });
    const scrape = watch(() => current);
    await expect.poll(scrape).toContain(`csms_health_secrets_cut{project="${project.name}",region="cn-north-4"} 1`);
    current = overview({ secrets: [secret('db')] });
    await expect.poll(scrape).toContain(`csms_health_secrets_cut{project="${project.name}",region="cn-north-4"} 0`);
  });
});
