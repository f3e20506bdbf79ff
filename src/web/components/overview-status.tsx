// How fresh the overview is: "Data as of 14:02:11 GMT+08:00", the sweep's progress while it runs
// ("Checked 120 of 500 secrets"), and Refresh (also the `r` key on the overview pages).
import { Trans, useLingui } from '@lingui/react/macro';
import type { ProjectOverview } from '../../csms/console-api.ts';
import { zoneLabel } from '../lib/time.ts';
import { useTimeZone } from '../lib/time-zone.ts';
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
}: {
  /** What the data shown is as of (ms): the oldest of several projects. */
  asOf: number | undefined;
  /** A project's sweep, for its progress while it runs. */
  overview?: ProjectOverview;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { t } = useLingui();
  const asOfText = useAsOfText();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-700 dark:text-zinc-300">
      {asOf !== undefined && <AsOf at={asOf} format={asOfText} />}
      {overview && <SweepProgress overview={overview} />}
      <Button onClick={onRefresh} disabled={refreshing} aria-keyshortcuts="r">
        <span aria-hidden="true">↻</span> {refreshing ? t`Refreshing…` : t`Refresh`}
      </Button>
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
