// Automatic rotation in words: the period, and whether the next rotation is overdue. Shared by
// the secret page, the list and (later) the operations overview.
import type { Secret } from '../../csms/schemas.ts';
import { toMillis } from './time.ts';

const DAY_MS = 86400_000;
const HOUR_MS = 3600_000;

type RotationOf = Pick<Secret, 'state' | 'auto_rotation' | 'next_rotation_time'>;

/**
 * How late the next automatic rotation is (ms), or undefined when it is not late. Only an enabled
 * secret is flagged: CSMS rotates nothing else, so nothing else can be overdue.
 */
export function rotationOverdueBy(secret: RotationOf, now = Date.now()): number | undefined {
  if (secret.state !== 'ENABLED' || !secret.auto_rotation || secret.next_rotation_time === undefined) return undefined;
  const late = now - toMillis(secret.next_rotation_time);
  return late > 0 ? late : undefined;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "Overdue by 65 days", "Overdue by 5 hours". */
export function formatOverdue(lateMs: number): string {
  if (lateMs >= DAY_MS) return `Overdue by ${plural(Math.floor(lateMs / DAY_MS), 'day')}`;
  return `Overdue by ${plural(Math.max(1, Math.floor(lateMs / HOUR_MS)), 'hour')}`;
}

/** CSMS periods are whole days ("30d") or hours ("6h"): "Every 30 days", "Every day", "Every 6 hours". */
export function formatRotationPeriod(period: string): string {
  const match = /^(\d+)([dh])$/.exec(period.trim());
  if (!match) return `Every ${period}`;
  const count = Number(match[1]);
  const unit = match[2] === 'd' ? 'day' : 'hour';
  return count === 1 ? `Every ${unit}` : `Every ${count} ${unit}s`;
}
