import { useLingui } from '@lingui/react';
import { memo } from 'react';
import { formatDateTime, formatRelative, formatUtc, toMillis } from '../lib/time.ts';
import { useTimeZone } from '../lib/time-zone.ts';

/**
 * A CSMS timestamp with its zone (local or UTC, as chosen), the other zone and "3 days ago" on
 * hover, in the page's language (drawn again when it changes). Memoised: a page lists dozens, and
 * each re-render of their table (every query that answers) would format each three times again.
 */
export const TimeText = memo(function TimeText({ value }: { value: number | null | undefined }) {
  useLingui();
  const zone = useTimeZone();
  if (value === null || value === undefined) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const ms = toMillis(value);
  const other = zone === 'utc' ? formatDateTime(ms, 'local') : formatUtc(ms);
  const text = formatDateTime(ms, zone);
  // Where it must, the zone goes to the next line: never a break inside the date or the zone.
  const zoneAt = text.lastIndexOf(' ');
  return (
    <time dateTime={new Date(ms).toISOString()} title={`${other} · ${formatRelative(ms)}`} className="tabular-nums">
      <span className="whitespace-nowrap">{text.slice(0, zoneAt)}</span> <span className="whitespace-nowrap">{text.slice(zoneAt + 1)}</span>
    </time>
  );
});
