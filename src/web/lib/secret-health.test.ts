// A secret's page flags it as the overview does, and a version or stage page keeps its own.
import { describe, expect, it } from 'vitest';
import type { RotationTask, Secret, VersionMetadata } from '../../shared/schemas.ts';
import { secretFlags } from './secret-health.ts';

const NOW = Date.UTC(2026, 11, 6);
const DAY = 86400_000;
const secret: Secret = { id: 'id-1', name: 'db', state: 'ENABLED', auto_rotation: true, next_rotation_time: NOW - DAY };
const versions: VersionMetadata[] = [
  { id: 'v2', secret_name: 'db', expire_time: NOW + 3 * DAY, version_stages: ['SYSCURRENT'] },
  { id: 'v1', secret_name: 'db', expire_time: NOW - 2 * DAY, version_stages: ['SYSPREVIOUS'] },
];
const tasks: RotationTask[] = [
  { task_id: 't1', secret_name: 'db', task_status: 'SUCCESS', task_time: NOW - 10 * DAY },
  { task_id: 't2', secret_name: 'db', task_status: 'FAILED', task_time: NOW - 2 * DAY, attempt_nums: 3, task_error_code: 'FSS.0409' },
];

describe('secretFlags', () => {
  it('the failed rotation, the overdue rotation and each version holding a stage, most urgent first', () => {
    expect(secretFlags(secret, versions, tasks, NOW).map((f) => f.kind)).toEqual([
      'rotation-failed',
      'version-expired',
      'rotation-overdue',
      'version-expiring',
    ]);
  });

  it('tasks unread: no failed rotation claimed either way', () => {
    expect(secretFlags(secret, versions, undefined, NOW).map((f) => f.kind)).not.toContain('rotation-failed');
  });

  it("a version's or a stage's page keeps the secret's flags and its own", () => {
    expect(secretFlags(secret, versions, tasks, NOW, { version: 'v1' }).map((f) => f.kind)).toEqual([
      'rotation-failed',
      'version-expired',
      'rotation-overdue',
    ]);
    expect(secretFlags(secret, versions, tasks, NOW, { stage: 'SYSCURRENT' }).map((f) => f.kind)).toEqual([
      'rotation-failed',
      'rotation-overdue',
      'version-expiring',
    ]);
  });
});
