// A secret's health, from what CSMS says about it: why it needs attention, most urgent first
// (project-health.ts sums a project's). Pure: the console server computes it for its metrics, the
// app for the overview, the secret pages and the badges of the secret list. Never a value: only metadata, versions' dates
// and stages, rotation tasks and notifications.
import type { KmsKeyState } from './console-api.ts';
import type { NotificationRecord, RotationTask, Secret, VersionMetadata } from './schemas.ts';
import { BUILT_IN_STAGES, KEY_ENABLED, LIMITS, ownEntry } from './patterns.ts';

export const DAY = 86400_000;
/** How far ahead a coming rotation or expiry is worth a mention. */
export const WINDOWS = { rotationDueDays: 7, expiryWarnDays: 30, expiryUrgentDays: 7, notificationsDays: 7 } as const;

/** CSMS timestamps are documented as seconds, sent as milliseconds: below 1e11 is seconds. */
export const toMillis = (timestamp: number) => (timestamp < 1e11 ? timestamp * 1000 : timestamp);

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Why a secret needs attention. `at` is the moment it is about (ms); each kind has its data. */
export type Flag =
  | { kind: 'rotation-failed'; severity: Severity; at?: number; attempts?: number; errorCode?: string; errorMessage?: string }
  | { kind: 'version-expired'; severity: Severity; at: number; versionId: string; stages: string[] }
  | { kind: 'rotation-overdue'; severity: Severity; at: number }
  | { kind: 'pending-deletion'; severity: Severity; at?: number }
  | { kind: 'version-expiring'; severity: Severity; at: number; versionId: string; stages: string[] }
  | { kind: 'rotation-due'; severity: Severity; at: number }
  | { kind: 'disabled'; severity: Severity }
  | { kind: 'frozen'; severity: Severity }
  | { kind: 'versions-near-limit'; severity: Severity; count: number }
  /** The secret's KMS key cannot decrypt: none of its values can be read. */
  | { kind: 'key-not-enabled'; severity: Severity; keyAlias: string; keyState: NotEnabledKeyState };
export type NotEnabledKeyState = Exclude<Extract<KmsKeyState, { ok: true }>['key_state'], '2'>;
export type FlagKind = Flag['kind'];

export interface AttentionItem {
  secret: string;
  flag: Flag;
}

/** Stages in the order people read them: SYSCURRENT, SYSPREVIOUS, then by name. */
export function stageOrder(a: string, b: string): number {
  const rank = (s: string) => (s === BUILT_IN_STAGES[0] ? 0 : s === BUILT_IN_STAGES[1] ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** What a secret's own metadata says (no versions or tasks needed): the list shows these at once. */
export function metadataFlags(secret: Secret, now: number): Flag[] {
  const flags: Flag[] = [];
  if (secret.state === 'PENDING_DELETE')
    flags.push({ kind: 'pending-deletion', severity: 'high', at: secret.scheduled_delete_time && toMillis(secret.scheduled_delete_time) });
  if (secret.state === 'DISABLED') flags.push({ kind: 'disabled', severity: 'low' });
  if (secret.state === 'FROZEN') flags.push({ kind: 'frozen', severity: 'medium' });
  const next = secret.auto_rotation && secret.next_rotation_time ? toMillis(secret.next_rotation_time) : undefined;
  if (next !== undefined && secret.state === 'ENABLED') {
    if (next < now) flags.push({ kind: 'rotation-overdue', severity: 'high', at: next });
    else if (next - now <= WINDOWS.rotationDueDays * DAY) flags.push({ kind: 'rotation-due', severity: 'low', at: next });
  }
  return flags;
}

/** What a secret's versions say: a version that holds a stage and has expired or soon will; close to the limit. */
export function versionFlags(versions: VersionMetadata[], now: number): Flag[] {
  const flags: Flag[] = [];
  for (const v of versions) {
    if (v.expire_time == null || v.version_stages.length === 0) continue;
    const at = toMillis(v.expire_time);
    const stages = [...v.version_stages].sort(stageOrder);
    const current = stages.includes(BUILT_IN_STAGES[0]);
    if (at < now) flags.push({ kind: 'version-expired', severity: current ? 'critical' : 'high', at, versionId: v.id, stages });
    else if (at - now <= WINDOWS.expiryWarnDays * DAY) {
      const urgent = at - now <= WINDOWS.expiryUrgentDays * DAY;
      flags.push({
        kind: 'version-expiring',
        severity: urgent ? (current ? 'high' : 'medium') : current ? 'medium' : 'low',
        at,
        versionId: v.id,
        stages,
      });
    }
  }
  if (versions.length >= LIMITS.versionsPerSecret - 2) flags.push({ kind: 'versions-near-limit', severity: 'low', count: versions.length });
  return flags;
}

/** A key that cannot decrypt makes every value of the secret unreadable: as urgent as an expired
 * SYSCURRENT. A key that could not be read says nothing (its state is unknown, not "disabled"). */
export function keyFlags(secret: Secret, keys: Record<string, KmsKeyState> | undefined): Flag[] {
  const key = secret.kms_key_id ? ownEntry(keys, secret.kms_key_id) : undefined;
  if (!key?.ok || key.key_state === KEY_ENABLED) return [];
  return [{ kind: 'key-not-enabled', severity: 'critical', keyAlias: key.key_alias, keyState: key.key_state }];
}

/** A failed last rotation: the newest task of the secret, when it FAILED. */
export function taskFlags(tasks: RotationTask[]): Flag[] {
  const last = tasks.reduce<RotationTask | undefined>(
    (newest, t) => (!newest || (t.task_time ?? 0) > (newest.task_time ?? 0) ? t : newest),
    undefined,
  );
  if (last?.task_status !== 'FAILED') return [];
  return [
    {
      kind: 'rotation-failed',
      severity: 'critical',
      at: last.task_time && toMillis(last.task_time),
      attempts: last.attempt_nums,
      errorCode: last.task_error_code,
      errorMessage: last.task_error_msg,
    },
  ];
}

/** Most urgent first: by severity, then the earliest moment (the longest overdue, the soonest due). */
export function byUrgency(a: AttentionItem, b: AttentionItem): number {
  const at = (f: Flag) => ('at' in f && f.at !== undefined ? f.at : Number.MAX_SAFE_INTEGER);
  return SEVERITY_RANK[a.flag.severity] - SEVERITY_RANK[b.flag.severity] || at(a.flag) - at(b.flag) || a.secret.localeCompare(b.secret);
}

/** Everything the overview knows of a project; parts that could not be read are left out. */
export interface ProjectSweep {
  secrets: Secret[];
  /** Secret name → its versions (absent while the sweep has not reached it). */
  versions?: Record<string, VersionMetadata[]>;
  tasks?: RotationTask[];
  notifications?: NotificationRecord[];
  /** Key id → the KMS key as read. */
  keys?: Record<string, KmsKeyState>;
}

export type ExpiryBucket = 'expired' | '7d' | '30d';

/** The one expiry bucket a secret counts in: its most urgent (an expired stage before one expiring). */
export function expiryBucket(flags: Flag[], now: number): ExpiryBucket | undefined {
  if (flags.some((f) => f.kind === 'version-expired')) return 'expired';
  const soonest = Math.min(...flags.flatMap((f) => (f.kind === 'version-expiring' ? [f.at] : [])));
  if (soonest === Infinity) return undefined;
  return soonest - now <= WINDOWS.expiryUrgentDays * DAY ? '7d' : '30d';
}

/** Each secret's flags, from every part of the sweep that was read. */
export function flagsBySecret(sweep: ProjectSweep, now: number): Map<string, Flag[]> {
  const tasksBySecret = new Map<string, RotationTask[]>();
  for (const task of sweep.tasks ?? []) tasksBySecret.set(task.secret_name, [...(tasksBySecret.get(task.secret_name) ?? []), task]);
  return new Map(
    sweep.secrets.map((s) => [
      s.name,
      [
        ...taskFlags(tasksBySecret.get(s.name) ?? []),
        ...keyFlags(s, sweep.keys),
        ...metadataFlags(s, now),
        ...versionFlags(ownEntry(sweep.versions, s.name) ?? [], now),
      ],
    ]),
  );
}
