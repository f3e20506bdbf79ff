import { describe, expect, it } from 'vitest';
import { flagsBySecret, type ProjectSweep } from './health.ts';
import { projectHealth } from './project-health.ts';
import type { Secret, VersionMetadata } from './schemas.ts';

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 86400_000;
const secret = (name: string, extra: Partial<Secret> = {}): Secret => ({ id: `id-${name}`, name, state: 'ENABLED', ...extra });
const version = (id: string, stages: string[], expireInDays?: number): VersionMetadata => ({
  id,
  secret_name: 'x',
  version_stages: stages,
  ...(expireInDays !== undefined && { expire_time: NOW + expireInDays * DAY }),
});

describe('secret health', () => {
  const sweep: ProjectSweep = {
    secrets: [
      secret('overdue', { auto_rotation: true, next_rotation_time: NOW - 65 * DAY }),
      secret('due-soon', { auto_rotation: true, next_rotation_time: NOW + 3 * DAY }),
      secret('due-later', { auto_rotation: true, next_rotation_time: NOW + 20 * DAY }),
      secret('rotation-off', { auto_rotation: false, next_rotation_time: NOW - 65 * DAY }),
      secret('failing'),
      secret('recovered'),
      secret('expiring'),
      secret('expired-previous'),
      secret('going', { state: 'PENDING_DELETE', scheduled_delete_time: NOW + 5 * DAY }),
      secret('cold', { state: 'FROZEN' }),
      secret('off', { state: 'DISABLED', auto_rotation: true, next_rotation_time: NOW - DAY }),
      secret('full'),
    ],
    versions: {
      expiring: [version('v2', ['SYSCURRENT'], 5), version('v1', ['SYSPREVIOUS'], 25)],
      'expired-previous': [version('v3', ['SYSCURRENT']), version('v2', ['SYSPREVIOUS'], -2), version('v1', [], -40)],
      full: Array.from({ length: 19 }, (_, i) => version(`v${19 - i}`, i === 0 ? ['SYSCURRENT'] : [])),
    },
    tasks: [
      { task_id: 'a', secret_name: 'failing', task_status: 'SUCCESS', task_time: NOW - 40 * DAY },
      {
        task_id: 'b',
        secret_name: 'failing',
        task_status: 'FAILED',
        task_time: NOW - 2 * DAY,
        attempt_nums: 3,
        task_error_msg: 'timed out',
      },
      { task_id: 'c', secret_name: 'recovered', task_status: 'FAILED', task_time: NOW - 3 * DAY },
      { task_id: 'd', secret_name: 'recovered', task_status: 'SUCCESS', task_time: NOW - DAY },
    ],
    notifications: [
      {
        event_name: 'e',
        trigger_event_type: 'SECRET_ROTATED_FAILED',
        secret_name: 'failing',
        notification_status: 'SUCCESS',
        create_time: NOW - 2 * DAY,
      },
      {
        event_name: 'e',
        trigger_event_type: 'SECRET_ROTATED',
        secret_name: 'x',
        notification_status: 'SUCCESS',
        create_time: NOW - 30 * DAY,
      },
    ],
  };

  it('flags each secret for what needs attention, and nothing else', () => {
    const kinds = Object.fromEntries([...flagsBySecret(sweep, NOW)].map(([name, flags]) => [name, flags.map((f) => f.kind)]));
    expect(kinds).toEqual({
      overdue: ['rotation-overdue'],
      'due-soon': ['rotation-due'],
      'due-later': [],
      'rotation-off': [],
      failing: ['rotation-failed'],
      recovered: [],
      expiring: ['version-expiring', 'version-expiring'],
      'expired-previous': ['version-expired'],
      going: ['pending-deletion'],
      cold: ['frozen'],
      off: ['disabled'],
      full: ['versions-near-limit'],
    });
  });

  it('ranks by urgency, counts by state, and keeps a week of notifications', () => {
    const health = projectHealth(sweep, NOW);
    expect(health.attention.map((a) => `${a.secret}:${a.flag.kind}`).slice(0, 5)).toEqual([
      'failing:rotation-failed',
      'overdue:rotation-overdue',
      'expired-previous:version-expired',
      // Both due in 5 days and both "high": SYSCURRENT expiring, and the deletion.
      'expiring:version-expiring',
      'going:pending-deletion',
    ]);
    expect(health.attention[0]!.flag).toMatchObject({ attempts: 3, errorMessage: 'timed out' });
    expect(health.byState).toEqual({ ENABLED: 9, DISABLED: 1, PENDING_DELETE: 1, FROZEN: 1 });
    expect(health.counts).toEqual({
      rotationFailed: 1,
      rotationOverdue: 1,
      expired: 1,
      expiringWithin7Days: 1,
      expiringIn8To30Days: 0,
      pendingDeletion: 1,
      keyNotEnabled: 0,
    });
    expect(health.recentNotifications.map((n) => n.secret_name)).toEqual(['failing']);
  });

  it('reads CSMS timestamps in seconds as well as milliseconds', () => {
    const seconds = projectHealth(
      { secrets: [secret('s', { auto_rotation: true, next_rotation_time: Math.floor((NOW - DAY) / 1000) })] },
      NOW,
    );
    expect(seconds.attention[0]!.flag).toMatchObject({ kind: 'rotation-overdue', at: NOW - DAY });
  });

  it('flags a KMS key that cannot decrypt, and says nothing of a key it could not read', () => {
    const health = projectHealth(
      {
        secrets: [secret('locked', { kms_key_id: 'k3' }), secret('going', { kms_key_id: 'k4' }), secret('unknown', { kms_key_id: 'kx' })],
        keys: {
          k3: { ok: true, key_id: 'k3', key_alias: 'team/a', key_state: '3' },
          k4: { ok: true, key_id: 'k4', key_alias: 'team/b', key_state: '4' },
          kx: { ok: false, key_id: 'kx', status: 403, code: 'CSMS.0403', message: 'denied', permission: 'kms:cmk:get' },
        },
      },
      NOW,
    );
    expect(health.attention.map((a) => [a.secret, a.flag])).toEqual([
      ['going', { kind: 'key-not-enabled', severity: 'critical', keyAlias: 'team/b', keyState: '4' }],
      ['locked', { kind: 'key-not-enabled', severity: 'critical', keyAlias: 'team/a', keyState: '3' }],
    ]);
    expect(health.counts.keyNotEnabled).toBe(2);
  });
});

describe('secrets named like what every object inherits', () => {
  it('reads only their own versions (a JSON answer has no "constructor" of its own)', () => {
    const sweep: ProjectSweep = {
      secrets: [secret('constructor'), secret('toString'), secret('__proto__')],
      versions: JSON.parse(`{"__proto__": ${JSON.stringify([version('v1', ['SYSCURRENT'], -1)])}}`),
    };
    const flags = flagsBySecret(sweep, NOW);
    expect(flags.get('constructor')).toEqual([]);
    expect(flags.get('toString')).toEqual([]);
    expect(flags.get('__proto__')?.map((f) => f.kind)).toEqual(['version-expired']);
  });
});
