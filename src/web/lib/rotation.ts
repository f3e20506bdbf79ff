// Automatic rotation in words: the period, and whether the next rotation is overdue. Shared by
// the secret page, the list and (later) the operations overview.
import { plural, t } from '@lingui/core/macro';
import type { Secret } from '../../shared/schemas.ts';
import { toMillis } from './time.ts';

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

/** CSMS periods are whole days ("30d") or hours ("6h"): "Every 30 days", "Every day", "Every 6 hours". */
export function formatRotationPeriod(period: string): string {
  const match = /^(\d+)([dh])$/.exec(period.trim());
  if (!match) return t`Every ${period}`;
  const count = Number(match[1]);
  return match[2] === 'd'
    ? plural(count, { one: 'Every day', other: 'Every # days' })
    : plural(count, { one: 'Every hour', other: 'Every # hours' });
}
