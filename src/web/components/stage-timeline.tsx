// When each stage moved, to which version, and by whom, from the CTS traces of the calls that
// move stages (stage-history.ts), over CTS's 7-day window, newest first.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { activityQueries } from '../api/activity.ts';
import { paths } from '../lib/paths.ts';
import { allStageMoves } from '../lib/stage-timeline.ts';
import { ErrorPanel } from './error-panel.tsx';
import { TimeText } from './time-text.tsx';

export function StageTimeline({ projectId, secretName }: { projectId: string; secretName: string }) {
  const { t } = useLingui();
  const query = useQuery(activityQueries.stageMoves(projectId, secretName));
  const moves = query.data ? allStageMoves(query.data.traces) : [];
  return (
    <section aria-labelledby="stage-history-heading" className="space-y-3">
      <h2 id="stage-history-heading" className="text-base font-semibold">
        <Trans>Stage history</Trans>
      </h2>
      {query.error ? (
        <ErrorPanel heading={t`The stage history could not be read from CTS`} error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <p className="text-sm">
          <Trans>Loading the stage history…</Trans>
        </p>
      ) : moves.length === 0 ? (
        <p className="text-sm">
          <Trans>No stage moved in the last 7 days.</Trans>
        </p>
      ) : (
        <ol aria-labelledby="stage-history-heading" className="space-y-1 text-sm">
          {moves.map((move) => (
            <li key={`${move.stage}:${move.time}:${move.version_id}`} className="flex flex-wrap items-baseline gap-x-2">
              <TimeText value={move.time} />
              <span>
                <Trans>
                  <span className="font-mono">{move.stage}</span> →{' '}
                  <Link
                    className="font-mono text-blue-700 underline dark:text-blue-400"
                    to={paths.version(projectId, secretName, move.version_id)}
                  >
                    {move.version_id}
                  </Link>
                </Trans>
                {move.from && (
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {' '}
                    <Trans>(was {move.from})</Trans>
                  </span>
                )}
              </span>
              <span className="text-zinc-600 dark:text-zinc-400">
                <Trans>
                  by {move.user ?? '?'} · {move.operation}
                </Trans>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
