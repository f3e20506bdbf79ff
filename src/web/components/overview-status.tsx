// How fresh the overview is: "Data as of 14:02:11 GMT+08:00", the sweep's progress while it runs
// ("Checked 120 of 500 secrets"), and Refresh (also the `r` key on the overview pages).
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { ProjectOverview } from '../../shared/console-api.ts';
import { zoneLabel } from '../lib/time.ts';
import { useTimeZone } from '../lib/time-zone.ts';
import type { ApiError } from '../api/api-error.ts';
import { Button } from './ui/button.tsx';

export function useAsOfText() {
  const { i18n } = useLingui();
  const zone = useTimeZone();
  return (ms: number) => {
    const time = new Intl.DateTimeFormat(i18n.locale, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      ...(zone === 'utc' && { timeZone: 'UTC' }),
    }).format(ms);
    return `${time} ${zoneLabel(ms, zone)}`;
  };
}

export function SweepProgress({ overview }: { overview: ProjectOverview }) {
  const { t, i18n } = useLingui();
  if (overview.complete) return null;
  const number = new Intl.NumberFormat(i18n.locale);
  const checked = number.format(overview.progress.checked);
  const total = number.format(overview.progress.total);
  return (
    <span className="inline-flex items-center gap-2">
      <span role="status">{t`Checked ${checked} of ${total} secrets`}</span>
      <progress
        aria-label={t`Versions checked`}
        max={Math.max(1, overview.progress.total)}
        value={overview.progress.checked}
        className="h-1.5 w-24 accent-blue-600"
      />
    </span>
  );
}

export function OverviewStatus({
  asOf,
  overview,
  refreshing,
  onRefresh,
  wall = false,
}: {
  /** What the data shown is as of (ms): the oldest of several projects. */
  asOf: number | undefined;
  /** A project's sweep, for its progress while it runs. */
  overview?: ProjectOverview;
  refreshing: boolean;
  onRefresh: () => void;
  /** On a wall display: no button (nobody there to press it). */
  wall?: boolean;
}) {
  const { t } = useLingui();
  const asOfText = useAsOfText();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-700 dark:text-zinc-300">
      {asOf !== undefined && <AsOf at={asOf} format={asOfText} />}
      {overview && <SweepProgress overview={overview} />}
      {!wall && (
        <Button onClick={onRefresh} disabled={refreshing} aria-keyshortcuts="r">
          <span aria-hidden="true">↻</span> {refreshing ? t`Refreshing…` : t`Refresh`}
        </Button>
      )}
    </div>
  );
}

function AsOf({ at, format }: { at: number; format: (ms: number) => string }) {
  const time = format(at);
  return (
    <span data-testid="as-of">
      <Trans>
        Data as of <time dateTime={new Date(at).toISOString()}>{time}</time>
      </Trans>
    </span>
  );
}

/** When the overview began failing (ms): the first failure of a run of them, kept until it reads again. */
export function useFailingSince(failedAt: number | undefined): number | undefined {
  const [since, setSince] = useState(failedAt);
  if (failedAt === undefined && since !== undefined) setSince(undefined);
  if (failedAt !== undefined && since === undefined) setSince(failedAt);
  return failedAt === undefined ? undefined : (since ?? failedAt);
}

/** The last data kept while CSMS cannot be reached: since when, and what is shown. */
export function StaleNotice({ since, asOf, error }: { since: number; asOf: number; error: ApiError }) {
  const format = useAsOfText();
  const sinceText = format(since);
  const asOfText = format(asOf);
  return (
    <p
      role="status"
      data-testid="stale"
      className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <Trans>
        CSMS unreachable since {sinceText}, showing {asOfText}.
      </Trans>{' '}
      <span className="font-mono text-xs">{error.code}</span>
    </p>
  );
}
