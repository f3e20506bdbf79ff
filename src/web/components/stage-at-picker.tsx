// "What did SYSCURRENT point at on …?": a date and time (in the zone chosen for the page, kept in
// the address in UTC), answered from CTS's stage moves, or why it cannot be (before CTS's records
// begin, or before the secret existed).
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { stageAt, stageMoves } from '../../csms/stage-history.ts';
import { activityQueries } from '../api/activity.ts';
import { fromAddressText, fromFieldText, toAddressText, toFieldText } from '../lib/date-time-input.ts';
import { paths } from '../lib/paths.ts';
import { useTimeZone } from '../lib/time-zone.ts';
import { ErrorPanel } from './error-panel.tsx';
import { TimeText } from './time-text.tsx';
import { Button } from './ui/button.tsx';

export function StageAtPicker(props: {
  projectId: string;
  secretName: string;
  stageName: string;
  current: { version_id: string; update_time?: number };
}) {
  const { projectId, secretName, stageName, current } = props;
  const { t } = useLingui();
  const zone = useTimeZone();
  const id = useId();
  const [search, setSearch] = useSearchParams();
  const at = fromAddressText(search.get('at'));
  const [problem, setProblem] = useState<string>();
  const query = useQuery({ ...activityQueries.stageMoves(projectId, secretName), enabled: at !== undefined });

  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('at') ?? '');
    const ms = fromFieldText(text, zone);
    if (ms === undefined) return setProblem(t`Choose a date and a time.`);
    if (ms > Date.now()) return setProblem(t`That time is still to come: choose one in the past.`);
    setProblem(undefined);
    const next = new URLSearchParams(search);
    next.set('at', toAddressText(ms));
    setSearch(next, { replace: true, preventScrollReset: true });
  };

  const answer =
    at !== undefined && query.data ? stageAt(stageMoves(query.data.traces, stageName), at, current, query.data.recordsFrom) : undefined;
  const version = (versionId: string) => (
    <Link className="font-mono text-blue-700 underline dark:text-blue-400" to={paths.version(projectId, secretName, versionId)}>
      {versionId}
    </Link>
  );
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        <Trans>
          What did <span className="font-mono">{stageName}</span> point at?
        </Trans>
      </h2>
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
        (query.error ? (
          <ErrorPanel heading={t`The stage history could not be read from CTS`} error={query.error} onRetry={() => void query.refetch()} />
        ) : !answer ? (
          <p className="text-sm">
            <Trans>Reading the stage history…</Trans>
          </p>
        ) : (
          <p role="status" data-testid="stage-at-answer" className="text-sm">
            {answer.known ? (
              answer.since ? (
                <Trans>
                  On <TimeText value={at} />, {stageName} pointed at {version(answer.version_id)}: moved there on{' '}
                  <TimeText value={answer.since.time} /> by {answer.since.user ?? '?'}.
                </Trans>
              ) : (
                <Trans>
                  On <TimeText value={at} />, {stageName} pointed at {version(answer.version_id)}: it has not moved since.
                </Trans>
              )
            ) : answer.reason === 'did-not-exist' ? (
              <Trans>
                On <TimeText value={at} />, {stageName} did not exist yet: the secret was created on <TimeText value={answer.next?.time} />.
              </Trans>
            ) : (
              <Trans>
                Unknown: <TimeText value={at} /> is before CTS's records begin (<TimeText value={query.data?.recordsFrom} />; CTS keeps 7
                days), and {stageName} has moved since.
              </Trans>
            )}
          </p>
        ))}
    </section>
  );
}
