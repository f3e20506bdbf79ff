// "What changed in this project between 13:00 and 15:00 yesterday?": every change CTS recorded to
// any secret of the project in a window (the address's `from` and `to`, UTC; else the last 24
// hours), newest first, grouped by secret, each linking to the secret's activity at that time; and
// with them who read a value through the console then (its audit index: CTS cannot say it).
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { activityQueries } from '../api/activity.ts';
import { configQuery } from '../api/config-query.ts';
import { projectValueReadsQuery } from '../api/value-reads.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { CopyTicketButtons } from '../components/copy-ticket-buttons.tsx';
import { ErrorPanel } from '../components/error-panel.tsx';
import { FeedValueReadRow, FeedValueReadsNote } from '../components/feed-value-reads.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { TimeParamProblemNote } from '../components/time-param-problem.tsx';
import { TimeText } from '../components/time-text.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { feedWindowOf, groupBySecret } from '../lib/change-feed.ts';
import { fromFieldText, toAddressText, toFieldText } from '../lib/date-time-input.ts';
import { paths } from '../lib/paths.ts';
import { changeFeedText, type TicketFormat } from '../lib/ticket-text.ts';
import { useTimeZone } from '../lib/time-zone.ts';

const INPUT = 'h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';
const LINK = 'text-blue-700 underline dark:text-blue-400';

export function Component() {
  const { t } = useLingui();
  const { projectId } = useCheckedParams('projectId');
  usePageTitle(t`Changes`);
  const zone = useTimeZone();
  const id = useId();
  const [search, setSearch] = useSearchParams();
  const [now] = useState(Date.now);
  const { window, problem } = feedWindowOf(search, now);
  const query = useQuery({ ...activityQueries.changes(projectId, window), enabled: !problem });
  const valueReads = useQuery({ ...projectValueReadsQuery(projectId, window), enabled: !problem });
  const [formProblem, setFormProblem] = useState<string>();
  const { data: config } = useQuery(configQuery);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [from, to] = ['from', 'to'].map((name) => fromFieldText(String(form.get(name) ?? ''), zone));
    if (from === undefined || to === undefined) return setFormProblem(t`Choose both ends of the window.`);
    if (from >= to) return setFormProblem(t`The window must end after it starts.`);
    setFormProblem(undefined);
    setSearch({ from: toAddressText(from), to: toAddressText(to) }, { replace: true });
  };

  const groups = query.data ? groupBySecret(query.data.traces, valueReads.data?.reads) : [];
  const count = query.data?.traces.length ?? 0;
  // Secrets with changes; those only read are not counted as changed.
  const changed = groups.filter((g) => g.traces.length > 0).length;
  // For a ticket once both reads have answered: value reads that failed are said to be unknown, and why.
  const ticketText = (format: TicketFormat) => {
    const project = config?.projects.find((p) => p.id === projectId) ?? { id: projectId, name: projectId, region: '—' };
    const reads = valueReads.data
      ? { since: valueReads.data.since, scope: valueReads.data.scope, kept: valueReads.data.kept, cut: valueReads.data.cut }
      : { unknown: `${valueReads.error?.code ?? ''} ${valueReads.error?.message ?? ''}`.trim() };
    return changeFeedText({ project, window, groups, complete: !!query.data?.complete, valueReads: reads, url: location.href }, format);
  };
  return (
    <div className="space-y-5">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">
          <Trans>Changes to the secrets of this project</Trans>
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Trans>
            Every creation, deletion and change CTS recorded from <TimeText value={window.from} /> to <TimeText value={window.to} />, newest
            first, by secret. CTS keeps 7 days.
          </Trans>
        </p>
      </header>
      {problem && <TimeParamProblemNote problem={problem} alsoRemove={['from', 'to']} />}
      <form
        key={`${window.from}:${window.to}:${zone}`}
        noValidate
        onSubmit={apply}
        className="flex flex-wrap items-end gap-2"
        aria-label={t`Choose the window`}
      >
        <div>
          <label htmlFor={`${id}-from`} className="mb-1 block text-xs font-medium">
            {zone === 'utc' ? <Trans>From (UTC)</Trans> : <Trans>From (your time zone)</Trans>}
          </label>
          <input id={`${id}-from`} name="from" type="datetime-local" defaultValue={toFieldText(window.from, zone)} className={INPUT} />
        </div>
        <div>
          <label htmlFor={`${id}-to`} className="mb-1 block text-xs font-medium">
            {zone === 'utc' ? <Trans>To (UTC)</Trans> : <Trans>To (your time zone)</Trans>}
          </label>
          <input id={`${id}-to`} name="to" type="datetime-local" defaultValue={toFieldText(window.to, zone)} className={INPUT} />
        </div>
        <Button type="submit">
          <Trans>Show</Trans>
        </Button>
        {formProblem && <p className="basis-full text-sm text-red-700 dark:text-red-400">{formProblem}</p>}
      </form>
      {problem ? null : query.error ? (
        <ErrorPanel heading={t`The changes could not be read from CTS`} error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <p className="text-sm">
          <Trans>Reading the changes…</Trans>
        </p>
      ) : null}
      {problem ? null : valueReads.error ? (
        <ErrorPanel heading={t`The value reads could not be read`} error={valueReads.error} onRetry={() => void valueReads.refetch()} />
      ) : valueReads.data ? (
        <FeedValueReadsNote data={valueReads.data} windowFrom={window.from} />
      ) : null}
      {!problem && query.data && (valueReads.data || valueReads.error) && (
        <CopyTicketButtons
          text={ticketText}
          labels={{ text: t`Copy summary`, markdown: t`Copy as Markdown` }}
          announcement={t`Summary copied.`}
        />
      )}
      {problem || query.error || !query.data ? null : groups.length === 0 ? (
        <p className="text-sm">
          <Trans>No secret of this project changed in that window.</Trans>
        </p>
      ) : (
        <>
          <p className="text-sm" role="status" data-testid="change-count">
            {query.data.complete ? (
              <>
                <Plural value={count} one="# change" other="# changes" />
                {' · '}
                <Plural value={changed} one="# secret" other="# secrets" />
              </>
            ) : (
              <Trans>The latest {count} changes (more than the console reads at once): narrow the window to see the earlier ones.</Trans>
            )}
          </p>
          {groups.map(({ secretName, traces, reads }) => (
            <section key={secretName} aria-label={secretName} className="space-y-1" data-testid="secret-changes">
              <h2 className="font-mono text-base font-semibold break-all">
                <Link className={LINK} to={paths.secret(projectId, secretName)}>
                  {secretName}
                </Link>
              </h2>
              <ul className="space-y-1 text-sm">
                {traces.map((trace) => {
                  const ok = !trace.code || trace.code.startsWith('2');
                  const user = trace.user?.user_name ?? trace.user?.name ?? '?';
                  return (
                    <li key={trace.trace_id} className="flex flex-wrap items-baseline gap-x-2">
                      <Link className={LINK} to={paths.secretAround(projectId, secretName, toAddressText(trace.time))}>
                        <TimeText value={trace.time} />
                      </Link>
                      <span className="font-mono">{trace.trace_name}</span>
                      <span className="text-zinc-600 dark:text-zinc-400">
                        <Trans>by {user}</Trans>
                      </span>
                      <Badge tone={ok ? 'green' : 'red'}>{trace.code ?? '—'}</Badge>
                      {trace.request_id && (
                        <span className="font-mono text-xs text-zinc-600 break-all dark:text-zinc-400">{trace.request_id}</span>
                      )}
                    </li>
                  );
                })}
                {reads.map((read, i) => (
                  <FeedValueReadRow key={`read-${read.time}-${i}`} projectId={projectId} read={read} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
