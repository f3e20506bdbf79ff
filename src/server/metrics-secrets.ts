// Each secret's health as Prometheus series, drawn from the last sweep of its project (the same
// sweep the overview shows): moments as unix timestamps, never durations, so a query computes
// "days left" and an alert says when. A part the sweep could not read gives no sample (unknown),
// never a zero that would read as "fine".
//
// Cardinality, per secret: csms_secret_info, _versions, _rotation_failed, _kms_key_enabled,
// _next_rotation_, _last_rotation_, _scheduled_delete_timestamp_seconds and
// _rotation_failure_info (each at most 1), plus one _version_expire_timestamp_seconds per stage
// held by a version that expires (CSMS allows 12 stages a secret): at most 20 series a secret,
// about 8 in practice. A project's series stop at SECRETS_PER_PROJECT secrets (those needing
// attention first); csms_secret_series_omitted says how many were left out. Tag labels add no
// series: each secret has one value of each key named.
import { Gauge, type Registry } from 'prom-client';
import type { Project, ProjectOverview } from '../shared/console-api.ts';
import { flagsBySecret, toMillis } from '../shared/health.ts';
import { LIMITS, ownEntry } from '../shared/patterns.ts';
import type { Secret } from '../shared/schemas.ts';
import { tagLabelName } from './metrics-tags.ts';

/** Twice CSMS's default quota of 500 secrets a project. */
export const SECRETS_PER_PROJECT = 1000;
const ENABLED_KEY = '2';

export interface ProjectSnapshot {
  project: Project;
  /** The last sweep that read the project's secrets. */
  overview: ProjectOverview;
}

const seconds = (timestamp: number) => Math.floor(toMillis(timestamp) / 1000);

export function secretMetrics(registry: Registry, tagKeys: string[]) {
  const base = ['project', 'project_id', 'region', 'secret', ...tagKeys.map(tagLabelName)];
  const gauge = (name: string, help: string, extra: string[] = []) =>
    new Gauge({ name, help, labelNames: [...base, ...extra], registers: [registry] });
  const g = {
    info: gauge('csms_secret_info', 'A secret (1), with its type and state.', ['type', 'state']),
    nextRotation: gauge('csms_secret_next_rotation_timestamp_seconds', 'When CSMS next rotates the secret (automatic rotation on).'),
    lastRotation: gauge('csms_secret_last_rotation_timestamp_seconds', 'When the secret was last rotated.'),
    rotationFailed: gauge('csms_secret_rotation_failed', "1 when the secret's newest rotation task failed, else 0."),
    rotationFailure: gauge('csms_secret_rotation_failure_info', "The failed newest rotation task's error code (1).", ['error_code']),
    versionExpire: gauge(
      'csms_secret_version_expire_timestamp_seconds',
      'When a version that holds a stage expires, one series per stage.',
      ['stage', 'version'],
    ),
    scheduledDelete: gauge('csms_secret_scheduled_delete_timestamp_seconds', 'When CSMS deletes a secret pending deletion.'),
    versions: gauge('csms_secret_versions', "The secret's versions (CSMS keeps at most csms_secret_versions_limit)."),
    kmsKeyEnabled: gauge('csms_secret_kms_key_enabled', "1 when the secret's KMS key is enabled, 0 when not; no sample when unknown."),
  };
  new Gauge({ name: 'csms_secret_versions_limit', help: 'The versions CSMS keeps of a secret.', registers: [registry] }).set(
    LIMITS.versionsPerSecret,
  );
  const omitted = new Gauge({
    name: 'csms_secret_series_omitted',
    help: `Secrets of a project left out of the per-secret series (more than ${SECRETS_PER_PROJECT}).`,
    labelNames: ['project', 'region'],
    registers: [registry],
  });

  function drawProject({ project, overview }: ProjectSnapshot, now: number) {
    const flags = flagsBySecret(overview, now);
    const urgentFirst = (a: Secret, b: Secret) =>
      Number((flags.get(b.name)?.length ?? 0) > 0) - Number((flags.get(a.name)?.length ?? 0) > 0) || a.name.localeCompare(b.name);
    const secrets = [...overview.secrets].sort(urgentFirst);
    omitted.set({ project: project.name, region: project.region }, Math.max(0, secrets.length - SECRETS_PER_PROJECT));
    const tags = overview.tag_labels?.ok ? overview.tag_labels.values : {};
    for (const secret of secrets.slice(0, SECRETS_PER_PROJECT)) {
      const labels = {
        project: project.name,
        project_id: project.id,
        region: project.region,
        secret: secret.name,
        ...Object.fromEntries(tagKeys.map((key) => [tagLabelName(key), ownEntry(ownEntry(tags, secret.name), key) ?? ''])),
      };
      g.info.set({ ...labels, type: secret.secret_type ?? '', state: secret.state }, 1);
      if (secret.auto_rotation && secret.next_rotation_time) g.nextRotation.set(labels, seconds(secret.next_rotation_time));
      if (secret.rotation_time) g.lastRotation.set(labels, seconds(secret.rotation_time));
      if (secret.state === 'PENDING_DELETE' && secret.scheduled_delete_time)
        g.scheduledDelete.set(labels, seconds(secret.scheduled_delete_time));
      if (!overview.failed.tasks) {
        const failed = flags.get(secret.name)?.find((f) => f.kind === 'rotation-failed');
        g.rotationFailed.set(labels, failed ? 1 : 0);
        if (failed) g.rotationFailure.set({ ...labels, error_code: failed.errorCode ?? '' }, 1);
      }
      const versions = ownEntry(overview.versions, secret.name);
      if (versions) {
        g.versions.set(labels, versions.length);
        for (const v of versions)
          if (v.expire_time != null)
            for (const stage of v.version_stages) g.versionExpire.set({ ...labels, stage, version: v.id }, seconds(v.expire_time));
      }
      const key = secret.kms_key_id === undefined ? undefined : ownEntry(overview.keys, secret.kms_key_id);
      if (key?.ok) g.kmsKeyEnabled.set(labels, key.key_state === ENABLED_KEY ? 1 : 0);
    }
  }

  return {
    /** Every project's secrets afresh, from their last snapshots: a secret gone is gone. */
    draw(snapshots: Iterable<ProjectSnapshot>, now: number) {
      for (const each of Object.values(g)) each.reset();
      omitted.reset();
      for (const snapshot of snapshots) drawProject(snapshot, now);
    },
  };
}
