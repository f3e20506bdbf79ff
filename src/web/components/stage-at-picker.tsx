// "What did SYSCURRENT point at on …?": a date and time (in the zone chosen for the page, kept in
// the address in UTC), answered from the stage history (csms/stage-history.ts) with its evidence:
// the move at or before that time, and the next one. "Unknown" only with its true reason.
import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { stageAt, type StageAt, type StageHistory, type StageMove } from '../../shared/stage-history.ts';
import { fromAddressText, fromFieldText, toAddressText, toFieldText } from '../lib/date-time-input.ts';
import { useStageHistory } from '../lib/stage-timeline.ts';
import { useTimeZone } from '../lib/time-zone.ts';
import { ErrorPanel } from './error-panel.tsx';
import { VersionPlace } from './stage-timeline.tsx';
import { TimeParamProblemNote } from './time-param-problem.tsx';
import { TimeText } from './time-text.tsx';
import { Button } from './ui/button.tsx';

type Where = { projectId: string; secretName: string; stageName: string };

function Evidence({ where, move, next }: { where: Where; move: StageMove; next: boolean }) {
  const to = <VersionPlace projectId={where.projectId} secretName={where.secretName} place={move.to} />;
  const from = <VersionPlace projectId={where.projectId} secretName={where.secretName} place={move.from} />;
  const user = move.user ?? '?';
  const operation = move.operation;
  const requestId = move.request_id ?? '—';
  const time = <TimeText value={move.time} />;
  return (
    <li>
      {next ? (
        <Trans>
          Next move: {time}, {from} → {to}, by {user} (<span className="font-mono">{operation}</span>, request{' '}
          <span className="font-mono">{requestId}</span>).
        </Trans>
      ) : (
        <Trans>
          Moved there: {time}, {from} → {to}, by {user} (<span className="font-mono">{operation}</span>, request{' '}
          <span className="font-mono">{requestId}</span>).
        </Trans>
      )}
      {move.automatic && (
        <>
          {' '}
          <Trans>CSMS moved it by itself.</Trans>
        </>
      )}
      {move.inferred && (
        <>
          {' '}
          <Trans>Inferred: the documentation does not state this move.</Trans>
        </>
      )}
    </li>
  );
}

function Answer({ where, answer, at, history }: { where: Where; answer: StageAt; at: number; history: StageHistory }) {
  const { stageName } = where;
  const time = <TimeText value={at} />;
  const recordsFrom = <TimeText value={history.recordsFrom} />;
  const version = answer.known && <VersionPlace projectId={where.projectId} secretName={where.secretName} place={answer.version_id} />;
  let text;
  if (answer.known && answer.future)
    text = (
      <Trans>
        {time} is still to come: {stageName} points at {version} now.
      </Trans>
    );
  else if (answer.known && answer.beforeSecret)
    text = (
      <Trans>
        On {time}, the secret did not exist yet: it was created on <TimeText value={history.secretCreated} />.
      </Trans>
    );
  else if (answer.known && answer.version_id === null)
    text = (
      <Trans>
        On {time}, {stageName} pointed at no version.
      </Trans>
    );
  else if (answer.known)
    text = (
      <Trans>
        On {time}, {stageName} pointed at {version}.
      </Trans>
    );
  else if (answer.reason === 'before-records')
    text = (
      <Trans>
        Unknown: {time} is before CTS's records begin ({recordsFrom}; CTS keeps 7 days), and no record says {stageName} did not move in
        between.
      </Trans>
    );
  else if (answer.reason === 'partial')
    text = (
      <Trans>
        Unknown: the stage history is partial (more stage-moving calls than the console reads at once), and the calls read begin{' '}
        {recordsFrom}.
      </Trans>
    );
  else if (answer.reason === 'gap' && answer.gap)
    text = (
      <Trans>
        Unknown: a gap in the traces on <TimeText value={answer.gap.time} />: a call moved stages its trace does not say.
      </Trans>
    );
  else if (answer.reason === 'gap')
    text = <Trans>Unknown: the traces do not add up to the stages as they are now: a call is missing from them.</Trans>;
  else
    text = (
      <Trans>
        Unknown: where {stageName} was before its next move is not in CTS's records: that move does not say, and no earlier call in the
        records (from {recordsFrom}) placed it.
      </Trans>
    );
  const since = answer.known ? answer.since : undefined;
  const until = answer.known && answer.future ? undefined : answer.until;
  return (
    <div role="status" data-testid="stage-at-answer" className="space-y-1 text-sm">
      <p>{text}</p>
      {(since || until) && (
        <ul className="list-disc pl-5 text-zinc-700 dark:text-zinc-300">
          {since && <Evidence where={where} move={since} next={false} />}
          {until && <Evidence where={where} move={until} next />}
        </ul>
      )}
      {answer.known && !answer.future && !answer.beforeSecret && !until && (
        <p className="text-zinc-700 dark:text-zinc-300">
          <Trans>It has not moved since.</Trans>
        </p>
      )}
    </div>
  );
}

export function StageAtPicker(props: Where & { current: { version_id: string; update_time?: number } }) {
  const { projectId, secretName, stageName, current } = props;
  const { t } = useLingui();
  const zone = useTimeZone();
  const id = useId();
  const [search, setSearch] = useSearchParams();
  const atText = search.get('at');
  const at = fromAddressText(atText);
  const [problem, setProblem] = useState<string>();
  const { history, error, retry } = useStageHistory(projectId, secretName, at !== undefined);

  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('at') ?? '');
    const ms = fromFieldText(text, zone);
    if (ms === undefined) return setProblem(t`Choose a date and a time.`);
    setProblem(undefined);
    const next = new URLSearchParams(search);
    next.set('at', toAddressText(ms));
    setSearch(next, { replace: true, preventScrollReset: true });
  };

  const answer = at !== undefined && history ? stageAt(history, stageName, at, current.update_time) : undefined;
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        <Trans>
          What did <span className="font-mono">{stageName}</span> point at?
        </Trans>
      </h2>
      {atText !== null && at === undefined && <TimeParamProblemNote problem={{ param: 'at', value: atText, reason: 'not-a-time' }} />}
      <form noValidate onSubmit={ask} className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={id} className="mb-1 block text-xs font-medium">
            {zone === 'utc' ? <Trans>Date and time (UTC)</Trans> : <Trans>Date and time (your time zone)</Trans>}
          </label>
          <input
            id={id}
            name="at"
            type="datetime-local"
            key={`${zone}:${at}`}
            defaultValue={at !== undefined ? toFieldText(at, zone) : ''}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
        <Button type="submit">
          <Trans>Ask</Trans>
        </Button>
        {problem && (
          <p id={`${id}-problem`} className="basis-full text-sm text-red-700 dark:text-red-400">
            {problem}
          </p>
        )}
      </form>
      {at !== undefined &&
        (error ? (
          <ErrorPanel heading={t`The stage history could not be read from CTS`} error={error} onRetry={retry} />
        ) : !answer || !history ? (
          <p className="text-sm">
            <Trans>Reading the stage history…</Trans>
          </p>
        ) : (
          <Answer where={{ projectId, secretName, stageName }} answer={answer} at={at} history={history} />
        ))}
    </section>
  );
}
