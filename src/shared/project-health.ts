// A project's health at a glance, from its sweep (health.ts gives each secret's flags): how many
// secrets in each state, the attention list most urgent first, the counts of each kind of trouble,
// the recent notifications. The overview pages and the metrics compute it; no core page needs it,
// so it is a module of its own.
import type { NotificationRecord } from './schemas.ts';
import {
  byUrgency,
  DAY,
  expiryBucket,
  flagsBySecret,
  toMillis,
  WINDOWS,
  type AttentionItem,
  type ExpiryBucket,
  type FlagKind,
  type ProjectSweep,
} from './health.ts';
import { SECRET_STATES } from './patterns.ts';

export interface ProjectHealth {
  total: number;
  byState: Record<string, number>;
  attention: AttentionItem[];
  counts: {
    rotationFailed: number;
    rotationOverdue: number;
    /** Each secret in one expiry bucket, its most urgent. */
    expired: number;
    expiringWithin7Days: number;
    expiringIn8To30Days: number;
    pendingDeletion: number;
    keyNotEnabled: number;
  };
  recentNotifications: NotificationRecord[];
}

export function projectHealth(sweep: ProjectSweep, now: number): ProjectHealth {
  const byState: Record<string, number> = Object.fromEntries(SECRET_STATES.map((s) => [s, 0]));
  for (const s of sweep.secrets) byState[s.state] = (byState[s.state] ?? 0) + 1;
  const flags = flagsBySecret(sweep, now);
  const attention = [...flags].flatMap(([secret, flags]) => flags.map((flag) => ({ secret, flag }))).sort(byUrgency);
  const count = (kind: FlagKind) => new Set(attention.filter((a) => a.flag.kind === kind).map((a) => a.secret)).size;
  const buckets = [...flags.values()].map((f) => expiryBucket(f, now));
  const inBucket = (bucket: ExpiryBucket) => buckets.filter((b) => b === bucket).length;
  return {
    total: sweep.secrets.length,
    byState,
    attention,
    counts: {
      rotationFailed: count('rotation-failed'),
      rotationOverdue: count('rotation-overdue'),
      expired: inBucket('expired'),
      expiringWithin7Days: inBucket('7d'),
      expiringIn8To30Days: inBucket('30d'),
      pendingDeletion: count('pending-deletion'),
      keyNotEnabled: count('key-not-enabled'),
    },
    recentNotifications: (sweep.notifications ?? []).filter(
      (n) => n.create_time !== undefined && now - toMillis(n.create_time) <= WINDOWS.notificationsDays * DAY,
    ),
  };
}
