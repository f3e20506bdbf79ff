// Every stage move of a secret, newest first, from the CTS traces of the calls that move stages
// (csms/stage-history.ts): when, which stage, from which version to which, who, the call and its
// request id, and whether CSMS moved it by itself or the move is inferred. Calls that moved stages
// their traces do not say are listed as gaps.
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { Place, StageGap, StageMove } from '../../shared/stage-history.ts';
import { paths } from '../lib/paths.ts';
import { useStageHistory } from '../lib/stage-timeline.ts';
import { ErrorPanel } from './error-panel.tsx';
import { TimeText } from './time-text.tsx';
import { Badge } from './ui/badge.tsx';

const LINK = 'font-mono text-blue-700 underline dark:text-blue-400';

export function VersionPlace({ projectId, secretName, place }: { projectId: string; secretName: string; place: Place }) {
  if (place === undefined) return <Trans>unknown</Trans>;
  if (place === null) return <Trans>no version</Trans>;
  return (
    <Link className={LINK} to={paths.version(projectId, secretName, place)}>
      {place}
    </Link>
  );
}

function MoveRow({ projectId, secretName, move }: { projectId: string; secretName: string; move: StageMove }) {
  const from = <VersionPlace projectId={projectId} secretName={secretName} place={move.from} />;
  const to = <VersionPlace projectId={projectId} secretName={secretName} place={move.to} />;
  const user = move.user ?? '?';
  const operation = move.operation;
  return (
    <li className="flex flex-wrap items-baseline gap-x-2" data-testid="stage-move">
      <TimeText value={move.time} />
      <span>
        <span className="font-mono">{move.stage}</span>: {from} → {to}
      </span>
      {move.automatic && <Badge tone="zinc">{<Trans>automatic</Trans>}</Badge>}
      {move.inferred && <Badge tone="amber">{<Trans>inferred</Trans>}</Badge>}
      <span className="text-zinc-600 dark:text-zinc-400">
        <Trans>
          by {user} · <span className="font-mono">{operation}</span>
        </Trans>
      </span>
      {move.request_id && <span className="font-mono text-xs text-zinc-600 break-all dark:text-zinc-400">{move.request_id}</span>}
    </li>
  );
}

function GapRow({ gap }: { gap: StageGap }) {
  const version = gap.version_id;
  const operation = gap.operation;
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 text-amber-800 dark:text-amber-300">
      <TimeText value={gap.time} />
      {version ? (
        <Trans>Version {version} was created with no trace of the call (an automatic rotation?): stages may have moved then.</Trans>
      ) : gap.stages === 'custom' ? (
        <Trans>
          <span className="font-mono">{operation}</span> deleted a stage its trace does not name.
        </Trans>
      ) : (
        <Trans>
          <span className="font-mono">{operation}</span> moved stages its trace does not say.
        </Trans>
      )}
    </li>
  );
}

export function StageTimeline({ projectId, secretName }: { projectId: string; secretName: string }) {
  const { t } = useLingui();
  const { history, error, retry } = useStageHistory(projectId, secretName);
  type Row = { time: number } & ({ move: StageMove; gap?: never } | { gap: StageGap; move?: never });
  const rows: Row[] = history
    ? [...history.moves.map((move) => ({ time: move.time, move })), ...history.gaps.map((gap) => ({ time: gap.time, gap }))]
    : [];
  rows.sort((a, b) => b.time - a.time);
  return (
    <section aria-labelledby="stage-history-heading" className="space-y-3">
      <h2 id="stage-history-heading" className="text-base font-semibold">
        <Trans>Stage history</Trans>
      </h2>
      {error ? (
        <ErrorPanel heading={t`The stage history could not be read from CTS`} error={error} onRetry={retry} />
      ) : !history ? (
        <p className="text-sm">
          <Trans>Loading the stage history…</Trans>
        </p>
      ) : (
        <>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {history.complete ? (
              <Trans>
                From CTS's records, which begin <TimeText value={history.recordsFrom} />.
              </Trans>
            ) : (
              <Trans>
                Partial: more calls than the console reads at once; the records read begin <TimeText value={history.recordsFrom} />.
              </Trans>
            )}
          </p>
          {rows.length === 0 ? (
            <p className="text-sm">
              <Trans>No stage moved in the last 7 days.</Trans>
            </p>
          ) : (
            <ol aria-labelledby="stage-history-heading" className="space-y-1 text-sm">
              {rows.map((row, i) =>
                row.move ? (
                  <MoveRow key={i} projectId={projectId} secretName={secretName} move={row.move} />
                ) : (
                  <GapRow key={i} gap={row.gap} />
                ),
              )}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
