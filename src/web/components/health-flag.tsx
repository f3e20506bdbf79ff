// A health flag (health.ts) in words: a short badge for a list row, and a sentence for the
// overview's attention list. Times count down (or up) from now, in the page's language.
import { useLingui } from '@lingui/react/macro';
import type { Flag, Severity } from '../../shared/health.ts';
import { LIMITS } from '../../shared/patterns.ts';
import { relativeTime } from '../lib/relative-time.ts';
import { Badge, type Tone } from './ui/badge.tsx';

export const SEVERITY_TONE: Record<Severity, Tone> = { critical: 'red', high: 'red', medium: 'amber', low: 'blue' };

/** The flags a row shows beside its state badge (the state itself says disabled or frozen). */
export const rowFlags = (flags: Flag[]) => flags.filter((f) => f.kind !== 'disabled' && f.kind !== 'frozen');

/** A flag's few words: "Rotation failed", "SYSCURRENT expires in 5 days". */
export function useFlagLabel() {
  const { t, i18n } = useLingui();
  return (flag: Flag, now: number): string => {
    const when = (at: number) => relativeTime(at, now, i18n.locale);
    switch (flag.kind) {
      case 'rotation-failed':
        return t`Rotation failed`;
      case 'rotation-overdue':
        return t`Rotation overdue`;
      case 'rotation-due': {
        const due = when(flag.at);
        return t`Rotation ${due}`;
      }
      case 'version-expired': {
        const stage = flag.stages[0];
        return t`${stage} expired`;
      }
      case 'version-expiring': {
        const stage = flag.stages[0];
        const expires = when(flag.at);
        return t`${stage} expires ${expires}`;
      }
      case 'pending-deletion': {
        if (flag.at === undefined) return t`Pending deletion`;
        const deleted = when(flag.at);
        return t`Deleted ${deleted}`;
      }
      case 'disabled':
        return t`Disabled`;
      case 'frozen':
        return t`Frozen`;
      case 'versions-near-limit': {
        const count = flag.count;
        const limit = LIMITS.versionsPerSecret;
        return t`${count} of ${limit} versions`;
      }
      case 'key-not-enabled':
        return flag.keyState === '4' ? t`Key pending deletion` : t`Key disabled`;
    }
  };
}

export function FlagBadge({ flag, now }: { flag: Flag; now: number }) {
  const label = useFlagLabel();
  return <Badge tone={SEVERITY_TONE[flag.severity]}>{label(flag, now)}</Badge>;
}

/** The row's flags, most urgent first, as many as fit: the rest counted ("+2"), all in the title. */
export function FlagBadges({ flags, now, max = 2 }: { flags: Flag[]; now: number; max?: number }) {
  const label = useFlagLabel();
  const { t } = useLingui();
  if (flags.length === 0) return null;
  const more = flags.length - max;
  return (
    <span className="flex min-w-0 items-center gap-1 overflow-hidden" title={flags.map((f) => label(f, now)).join(' · ')}>
      {flags.slice(0, max).map((f, i) => (
        <FlagBadge key={`${f.kind}-${i}`} flag={f} now={now} />
      ))}
      {more > 0 && (
        <span className="text-xs text-zinc-600 dark:text-zinc-400" aria-label={t`and ${more} more`}>
          +{more}
        </span>
      )}
    </span>
  );
}
