// The attention list of a wall display: large enough to read from across the room, and as many
// items as fit the screen; when more need attention, the list cycles through them a page at a time
// (every 10 s), saying which page is shown.
import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import type { AttentionItem, Severity } from '../../shared/health.ts';
import { useFlagLabel } from './health-flag.tsx';

/** What fits below the tiles at 1920×1080 with 28 px and larger type. */
const PER_PAGE = 6;
const CYCLE_MS = 10_000;

const BAR: Record<Severity, string> = {
  critical: 'border-l-red-600',
  high: 'border-l-orange-500',
  medium: 'border-l-amber-400',
  low: 'border-l-blue-400',
};

export function WallAttention({ items, now }: { items: AttentionItem[]; now: number }) {
  const { t } = useLingui();
  const label = useFlagLabel();
  const pages = Math.max(1, Math.ceil(items.length / PER_PAGE));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages === 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), CYCLE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  const shown = items.slice((page % pages) * PER_PAGE, (page % pages) * PER_PAGE + PER_PAGE);
  if (items.length === 0) return <p className="text-4xl text-green-800 dark:text-green-300">{t`Nothing needs attention.`}</p>;
  const current = (page % pages) + 1;
  return (
    <div className="space-y-3">
      <ol aria-label={t`Needs attention`} className="grid grid-cols-2 gap-4">
        {shown.map(({ secret, flag }, i) => (
          <li
            key={`${secret}-${flag.kind}-${i}`}
            className={`rounded-md border border-l-8 border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900 ${BAR[flag.severity]}`}
          >
            <span className="block truncate font-mono text-3xl font-semibold">{secret}</span>
            <span className="block text-3xl">{label(flag, now)}</span>
          </li>
        ))}
      </ol>
      {pages > 1 && <p className="text-2xl text-zinc-600 dark:text-zinc-400">{t`Page ${current} of ${pages}, turning every 10 s`}</p>}
    </div>
  );
}
