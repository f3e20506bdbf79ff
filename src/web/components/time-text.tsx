import { formatLocal, formatRelative, formatUtc, toMillis } from '../lib/time.ts';

/** A CSMS timestamp: local time, with UTC and "3 days ago" on hover. */
export function TimeText({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const ms = toMillis(value);
  return (
    <time
      dateTime={new Date(ms).toISOString()}
      title={`${formatUtc(ms)} · ${formatRelative(ms)}`}
      className="whitespace-nowrap tabular-nums"
    >
      {formatLocal(ms)}
    </time>
  );
}
