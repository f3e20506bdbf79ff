// A project's health from its overview: counts by state and by problem (each a link to the list
// filtered so), the attention list, and (in full) the notifications and events. A part CSMS
// refused is named with the permission it needs; the rest shows.
import { useQuery } from '@tanstack/react-query';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { OverviewPart, OverviewPartError, ProjectOverview } from '../../shared/console-api.ts';
import { projectHealth, type ProjectHealth } from '../../shared/project-health.ts';
import { overviewQuery } from '../api/overview-query.ts';
import { paths } from '../lib/paths.ts';
import { useNow } from '../lib/use-now.ts';
import { AttentionList } from './attention-list.tsx';
import { ErrorPanel } from './error-panel.tsx';
import { EventSubscriptions, NotificationRecords } from './overview-records.tsx';
import { StaleNotice, SweepProgress, useAsOfText, useFailingSince } from './overview-status.tsx';
import { WallAttention } from './wall-attention.tsx';
import { stateInfo } from './secret-state-badge.tsx';
import { PartialListNote } from './partial-list-note.tsx';
import { Skeleton } from './ui/skeleton.tsx';

function usePartName() {
  const { t } = useLingui();
  return (part: OverviewPart) =>
    ({
      secrets: t`The list of secrets`,
      versions: t`Versions (expiry dates)`,
      tasks: t`Rotation tasks`,
      notifications: t`Notification records`,
      events: t`Events`,
    })[part];
}

export function MissingParts({ failed }: { failed: ProjectOverview['failed'] }) {
  const { t } = useLingui();
  const partName = usePartName();
  const parts = Object.entries(failed) as [OverviewPart, OverviewPartError][];
  if (parts.length === 0) return null;
  return (
    <section
      aria-label={t`Parts not read`}
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <ul className="space-y-1">
        {parts.map(([part, error]) => {
          const name = partName(part);
          const permission = error.permission;
          return (
            <li key={part} data-part={part}>
              <Trans>
                <strong>{name}</strong> could not be read:
              </Trans>{' '}
              <span className="font-mono">
                {error.code} {error.message}
              </span>
              {permission && (
                <>
                  {' '}
                  <Trans>
                    It needs the IAM permission <span className="font-mono">{permission}</span>.
                  </Trans>
                </>
              )}
              {error.request_id && <span className="ml-1 font-mono text-xs opacity-80">({error.request_id})</span>}
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-xs">{t`Everything else on this page was read.`}</p>
    </section>
  );
}

interface Tile {
  key: string;
  label: string;
  value: number;
  /** The list filtered to these secrets. */
  where?: Record<string, string>;
  /** Not known: the part it comes from could not be read (or not yet). */
  unknown?: boolean;
  alarm?: boolean;
}

function useTiles(health: ProjectHealth, overview: ProjectOverview): Tile[] {
  const { t } = useLingui();
  const versionsKnown = overview.complete && !overview.failed.versions;
  const states = Object.entries(health.byState).map(([state, value]): Tile => ({
    key: state,
    label: stateInfo(state).label,
    value,
    where: { state },
    alarm: false,
  }));
  return [
    { key: 'total', label: t`Secrets`, value: health.total },
    ...states,
    {
      key: 'failed',
      label: t`Rotation failed`,
      value: health.counts.rotationFailed,
      where: { rotation: 'failing' },
      unknown: !!overview.failed.tasks || !overview.complete,
      alarm: true,
    },
    { key: 'overdue', label: t`Rotation overdue`, value: health.counts.rotationOverdue, where: { rotation: 'overdue' }, alarm: true },
    // Each secret in one expiry bucket, its most urgent, as the list's expiry filter counts it.
    { key: 'expired', label: t`Expired`, value: health.counts.expired, where: { expiry: 'expired' }, unknown: !versionsKnown, alarm: true },
    {
      key: 'expiring7',
      label: t`Expire within 7 days`,
      value: health.counts.expiringWithin7Days,
      where: { expiry: '7d' },
      unknown: !versionsKnown,
      alarm: true,
    },
    {
      key: 'expiring30',
      label: t`Expire in 8 to 30 days`,
      value: health.counts.expiringIn8To30Days,
      where: { expiry: '30d' },
      unknown: !versionsKnown,
    },
    {
      key: 'key-not-enabled',
      label: t`KMS key not enabled`,
      value: health.counts.keyNotEnabled,
      unknown: !overview.complete || Object.values(overview.keys ?? {}).some((k) => !k.ok),
      alarm: true,
    },
  ];
}

function Tiles({ projectId, tiles, large, wall }: { projectId: string; tiles: Tile[]; large: boolean; wall: boolean }) {
  const { t, i18n } = useLingui();
  const number = new Intl.NumberFormat(i18n.locale);
  return (
    <ul
      aria-label={t`Counts`}
      data-section="tiles"
      className={`grid gap-2 ${wall ? 'grid-cols-6 gap-4' : large ? 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-5' : 'grid-cols-3 sm:grid-cols-5 xl:grid-cols-9'}`}
    >
      {tiles.map((tile) => {
        const hot = tile.alarm && tile.value > 0 && !tile.unknown;
        const body = (
          <>
            <span
              className={`block font-semibold tabular-nums ${wall ? 'text-7xl' : large ? 'text-4xl' : 'text-2xl'} ${hot ? 'text-red-700 dark:text-red-400' : ''}`}
            >
              {tile.unknown && tile.value === 0 ? '—' : number.format(tile.value)}
            </span>
            <span className={`block text-zinc-700 dark:text-zinc-300 ${wall ? 'text-2xl' : 'text-sm'}`}>{tile.label}</span>
          </>
        );
        const box = `block h-full rounded-md border p-3 ${hot ? 'border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40' : 'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900'}`;
        return (
          <li key={tile.key} data-tile={tile.key}>
            {tile.where ? (
              <Link className={`${box} hover:border-blue-400`} to={paths.secretsWhere(projectId, tile.where)}>
                {body}
              </Link>
            ) : (
              <div className={box}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function ProjectHealthPanel({ projectId, summary = false, wall = false }: { projectId: string; summary?: boolean; wall?: boolean }) {
  const query = useQuery(overviewQuery(projectId));
  const failingSince = useFailingSince(query.error ? query.errorUpdatedAt : undefined);
  // Once read, the data stays, marked stale, while CSMS cannot be reached: the last known state
  // beats an error page on a wall. The query keeps polling and recovers by itself.
  if (query.error && !query.data) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data)
    return (
      <div className="space-y-2" aria-busy="true">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  return (
    <div className="space-y-3">
      {query.error && failingSince !== undefined && <StaleNotice since={failingSince} asOf={query.data.as_of} error={query.error} />}
      <HealthBody projectId={projectId} overview={query.data} summary={summary} wall={wall} />
    </div>
  );
}

function HealthBody({
  projectId,
  overview,
  summary,
  wall,
}: {
  projectId: string;
  overview: ProjectOverview;
  summary: boolean;
  wall: boolean;
}) {
  const { t } = useLingui();
  const now = useNow();
  const asOf = useAsOfText();
  const health = projectHealth(overview, now);
  const tiles = useTiles(health, overview);
  const attentionCount = health.attention.length;
  const asOfTime = asOf(overview.as_of);
  // Under a project's heading on the page of every project.
  const Heading = summary ? 'h3' : 'h2';
  return (
    <div className="flex flex-col gap-4">
      {summary && (
        <p className="flex flex-wrap gap-x-4 text-sm text-zinc-700 dark:text-zinc-300">
          <span>
            <Trans>Data as of {asOfTime}</Trans>
          </span>
          <SweepProgress overview={overview} />
        </p>
      )}
      <MissingParts failed={overview.failed} />
      <PartialListNote partial={overview.secrets_cut} of="overview" />
      <Tiles projectId={projectId} tiles={tiles} large={!summary} wall={wall} />
      {/* On a phone what needs attention comes first; the counts follow. */}
      <section aria-labelledby={`attention-${projectId}`} className="space-y-2 max-sm:order-first" data-section="attention">
        <Heading
          id={`attention-${projectId}`}
          className={wall ? 'text-4xl font-semibold' : summary ? 'text-base font-semibold' : 'text-lg font-semibold'}
        >
          <Trans>
            Needs attention <span className="font-normal text-zinc-600 dark:text-zinc-400">({attentionCount})</span>
          </Trans>
        </Heading>
        {wall ? (
          <WallAttention items={health.attention} now={now} />
        ) : (
          <AttentionList projectId={projectId} items={health.attention} now={now} limit={summary ? 5 : undefined} />
        )}
        {summary && attentionCount > 5 && (
          <Link className="text-sm text-blue-700 hover:underline dark:text-blue-400" to={paths.projectOverview(projectId)}>
            <Plural value={attentionCount - 5} one="# more on the project's overview" other="# more on the project's overview" />
          </Link>
        )}
      </section>
      {!summary && !wall && (
        <div className="space-y-6">
          <section aria-labelledby="notifications" className="space-y-2">
            <h2 id="notifications" className="text-lg font-semibold">{t`Recent notifications`}</h2>
            {overview.failed.notifications ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{t`Not read (see above).`}</p>
            ) : (
              <NotificationRecords projectId={projectId} records={health.recentNotifications} />
            )}
          </section>
          <section aria-labelledby="events" className="space-y-2">
            <h2 id="events" className="text-lg font-semibold">{t`Subscribed events`}</h2>
            {overview.failed.events ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{t`Not read (see above).`}</p>
            ) : (
              <EventSubscriptions events={overview.events} />
            )}
          </section>
        </div>
      )}
    </div>
  );
}
