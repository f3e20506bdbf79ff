// The lookup's health flags (health.ts) and their badges, in a chunk of their own: the lookup's
// loader starts loading it beside the list's data, and the rows are drawn without waiting for it.
// Until it is here the rows have no flags, as they have none of the sweep's until it has read them,
// and every count and order that reads a flag says it is not known yet.
import {
  byUrgency,
  expiryBucket,
  flagsBySecret,
  SEVERITY_RANK,
  type ExpiryBucket,
  type Flag,
  type ProjectSweep,
} from '../../shared/health.ts';
import { FlagBadges, rowFlags } from '../components/health-flag.tsx';

/** What the list needs of one secret's health. */
export interface RowHealth {
  /** Most urgent first. */
  flags: Flag[];
  overdue: boolean;
  /** Its last rotation task failed. */
  failing: boolean;
  /** Its most urgent expiry, as the overview counts it. */
  expiry?: ExpiryBucket;
  /** Its most urgent flag's place in the attention order (none: no flag). */
  attention?: readonly [number, number];
}

/** A flag's place in the attention order, as `byUrgency` ranks it: its severity, then its moment
 * (none: last). */
export const urgencyOf = (flag: Flag): readonly [number, number] => [
  SEVERITY_RANK[flag.severity],
  'at' in flag && flag.at !== undefined ? flag.at : Number.MAX_SAFE_INTEGER,
];

/** A row's most urgent flag, beside its state badge (the state itself says disabled or frozen). */
export function RowBadges({ flags, now }: { flags: Flag[]; now: number }) {
  return <FlagBadges flags={rowFlags(flags)} now={now} max={1} />;
}

export function rowHealth(sweep: ProjectSweep, now: number): Map<string, RowHealth> {
  const health = new Map<string, RowHealth>();
  for (const [name, found] of flagsBySecret(sweep, now)) {
    const flags = found
      .map((flag) => ({ secret: name, flag }))
      .sort(byUrgency)
      .map((item) => item.flag);
    health.set(name, {
      flags,
      overdue: flags.some((f) => f.kind === 'rotation-overdue'),
      failing: flags.some((f) => f.kind === 'rotation-failed'),
      expiry: expiryBucket(flags, now),
      attention: flags[0] && urgencyOf(flags[0]),
    });
  }
  return health;
}
