// The console reads at most LIMITS.secretsRead secrets of a project: a project with more shows
// the first ones, and says so, rather than counts, tags and filters that silently leave some out.
import { useLingui } from '@lingui/react/macro';
import { LIMITS } from '../../shared/patterns.ts';
import { formatNumber } from '../lib/locale.ts';

export function PartialListNote({ partial, of = 'list' }: { partial: boolean; of?: 'list' | 'overview' }) {
  const { t } = useLingui();
  if (!partial) return null;
  const most = formatNumber(LIMITS.secretsRead);
  return (
    <p role="status" className="text-sm text-amber-800 dark:text-amber-300" data-testid="partial-secrets">
      {of === 'list'
        ? t`Partial: only the first ${most} secrets of this project are read. The counts, tags, filters and export leave the rest out; open another by its name.`
        : t`Partial: only the first ${most} secrets of this project are read. The counts and what needs attention leave the rest out.`}
    </p>
  );
}
