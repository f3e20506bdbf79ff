// The Activity section of a secret page: the CSMS calls on this secret that CTS recorded (time,
// user, operation, source IP, result, request id), newest first, paged with CTS's marker. By
// default the changes only; reads (without the console's own unless asked), an
// operation, a user and a window ("around T" ± 1 hour or 1 day, or from–to) are filters kept in
// the address. CTS refused or down: the section says so; the rest of the page does not depend on it.
import { Trans, useLingui } from '@lingui/react/macro';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { activityQueries, needsConsoleKey } from '../api/activity.ts';
import { configQuery } from '../api/config-query.ts';
import { activityFilterOf, SECRET_OPERATIONS, USER_PATTERN } from '../lib/activity-filter.ts';
import { fromFieldText, toAddressText, toFieldText } from '../lib/date-time-input.ts';
import { useTimeZone } from '../lib/time-zone.ts';
import { ErrorPanel } from './error-panel.tsx';
import { TimeParamProblemNote } from './time-param-problem.tsx';
import { TimeText } from './time-text.tsx';
import { Badge } from './ui/badge.tsx';
import { Button } from './ui/button.tsx';
import { stackedTable } from './ui/stacked-table.ts';

const INPUT =
  'h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900';
const WINDOW_PARAMS = ['around', 'span', 'from', 'to'];

export function ActivitySection({ projectId, secretName }: { projectId: string; secretName: string }) {
  const { t } = useLingui();
  const zone = useTimeZone();
  const [search, setSearch] = useSearchParams();
  const { filter, span, problem: timeProblem } = activityFilterOf(search);
  const { data: config } = useQuery(configQuery);
  const consoleKeyId = config?.console_key_id ?? null;
  const traces = useInfiniteQuery({
    ...activityQueries.list(projectId, secretName, filter, consoleKeyId),
    enabled: (config !== undefined || !needsConsoleKey(filter)) && !timeProblem,
  });
  const [problem, setProblem] = useState<string>();
  const ids = { op: useId(), user: useId(), window: useId(), around: useId(), from: useId(), to: useId(), reads: useId(), own: useId() };
  const windowChoice = search.has('around') ? (span ?? '1h') : search.has('from') ? 'custom' : '';
  const [choice, setChoice] = useState(windowChoice);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const nextUser = text('user');
    if (nextUser && !USER_PATTERN.test(nextUser))
      return setProblem(t`A user name is 1 to 64 letters, digits, spaces, ".", "_", "@" or "-".`);
    const next = new URLSearchParams(search);
    for (const param of ['op', 'user', 'reads', 'own', ...WINDOW_PARAMS]) next.delete(param);
    const set = (param: string, value: string | undefined) => value && next.set(param, value);
    set('op', text('op'));
    set('user', nextUser);
    set('reads', form.get('reads') ? '1' : undefined);
    set('own', form.get('own') ? '1' : undefined);
    const time = (name: string) => fromFieldText(text(name), zone);
    const chosen = text('window');
    if (chosen === '1h' || chosen === '1d') {
      const around = time('around');
      if (around === undefined) return setProblem(t`Choose the date and time to look around.`);
      set('around', toAddressText(around));
      set('span', chosen);
    } else if (chosen === 'custom') {
      const [from, to] = [time('from'), time('to')];
      if (from === undefined || to === undefined) return setProblem(t`Choose both ends of the window.`);
      if (from >= to) return setProblem(t`The window must end after it starts.`);
      set('from', toAddressText(from));
      set('to', toAddressText(to));
    }
    setProblem(undefined);
    setSearch(next, { replace: true, preventScrollReset: true });
  };

  const fieldTime = (param: string) => {
    const value = search.get(param);
    return value && filter.window
      ? toFieldText(
          param === 'around' ? (filter.window.from + filter.window.to) / 2 : param === 'from' ? filter.window.from : filter.window.to,
          zone,
        )
      : '';
  };
  const formKey = search.toString() + zone;

  const rows = traces.data?.pages.flatMap((p) => p.traces) ?? [];
  return (
    <section aria-labelledby="activity-heading" className="space-y-3">
      <h2 id="activity-heading" className="text-base font-semibold">
        <Trans>Activity</Trans>
      </h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <Trans>CSMS calls on this secret recorded by CTS (Cloud Trace Service, which keeps 7 days), newest first.</Trans>{' '}
        {!filter.reads ? (
          <Trans>Changes only: reads are hidden.</Trans>
        ) : !filter.own ? (
          <Trans>The console's own reads are hidden.</Trans>
        ) : null}
      </p>
      <form key={formKey} noValidate onSubmit={apply} className="flex flex-wrap items-end gap-2" aria-label={t`Filter the activity`}>
        <div>
          <label htmlFor={ids.op} className="mb-1 block text-xs font-medium">
            <Trans>Operation</Trans>
          </label>
          <select id={ids.op} name="op" defaultValue={filter.operation ?? ''} className={INPUT}>
            <option value="">{t`All operations`}</option>
            {SECRET_OPERATIONS.map((o) => (
              // An operation's name is CSMS's, in every language.
              <option key={o} value={o} translate="no">
                {o}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.user} className="mb-1 block text-xs font-medium">
            <Trans>User</Trans>
          </label>
          <input
            id={ids.user}
            name="user"
            defaultValue={filter.user ?? ''}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${ids.user}-problem` : undefined}
            className={INPUT}
          />
        </div>
        <div>
          <label htmlFor={ids.window} className="mb-1 block text-xs font-medium">
            <Trans>When</Trans>
          </label>
          <select id={ids.window} name="window" defaultValue={windowChoice} onChange={(e) => setChoice(e.target.value)} className={INPUT}>
            <option value="">{t`The last 7 days`}</option>
            <option value="1h">{t`Within 1 hour of…`}</option>
            <option value="1d">{t`Within 1 day of…`}</option>
            <option value="custom">{t`From … to …`}</option>
          </select>
        </div>
        {(choice === '1h' || choice === '1d') && (
          <div>
            <label htmlFor={ids.around} className="mb-1 block text-xs font-medium">
              {zone === 'utc' ? <Trans>Around (UTC)</Trans> : <Trans>Around (your time zone)</Trans>}
            </label>
            <input id={ids.around} name="around" type="datetime-local" defaultValue={fieldTime('around')} className={INPUT} />
          </div>
        )}
        {choice === 'custom' && (
          <>
            <div>
              <label htmlFor={ids.from} className="mb-1 block text-xs font-medium">
                {zone === 'utc' ? <Trans>From (UTC)</Trans> : <Trans>From (your time zone)</Trans>}
              </label>
              <input id={ids.from} name="from" type="datetime-local" defaultValue={fieldTime('from')} className={INPUT} />
            </div>
            <div>
              <label htmlFor={ids.to} className="mb-1 block text-xs font-medium">
                {zone === 'utc' ? <Trans>To (UTC)</Trans> : <Trans>To (your time zone)</Trans>}
              </label>
              <input id={ids.to} name="to" type="datetime-local" defaultValue={fieldTime('to')} className={INPUT} />
            </div>
          </>
        )}
        <div className="flex items-center gap-1 self-center text-sm">
          <input id={ids.reads} name="reads" type="checkbox" defaultChecked={filter.reads} />
          <label htmlFor={ids.reads}>
            <Trans>Show reads</Trans>
          </label>
        </div>
        <div className="flex items-center gap-1 self-center text-sm">
          <input id={ids.own} name="own" type="checkbox" defaultChecked={filter.own} />
          <label htmlFor={ids.own}>
            <Trans>Show the console's own reads</Trans>
          </label>
        </div>
        <Button type="submit">
          <Trans>Filter</Trans>
        </Button>
        {problem && (
          <p id={`${ids.user}-problem`} className="basis-full text-sm text-red-700 dark:text-red-400">
            {problem}
          </p>
        )}
      </form>
      {timeProblem && <TimeParamProblemNote problem={timeProblem} alsoRemove={WINDOW_PARAMS} />}
      {traces.error && !traces.data ? (
        <ErrorPanel heading={t`The activity could not be read from CTS`} error={traces.error} onRetry={() => void traces.refetch()} />
      ) : timeProblem ? null : traces.data ? (
        rows.length === 0 ? (
          <p className="text-sm">
            {filter.window ? (
              <Trans>
                No call from <TimeText value={filter.window.from} /> to <TimeText value={filter.window.to} /> matches.
              </Trans>
            ) : (
              <Trans>No call in the last 7 days matches.</Trans>
            )}
          </p>
        ) : (
          <div>
            <table className={`w-full text-left text-sm ${stackedTable.table}`} aria-labelledby="activity-heading">
              <thead className={`text-xs text-zinc-600 dark:text-zinc-400 ${stackedTable.head}`}>
                <tr>
                  <th className="py-1 pr-3 font-medium">
                    <Trans>Time</Trans>
                  </th>
                  <th className="py-1 pr-3 font-medium">
                    <Trans>User</Trans>
                  </th>
                  <th className="py-1 pr-3 font-medium">
                    <Trans>Operation</Trans>
                  </th>
                  <th className="py-1 pr-3 font-medium">
                    <Trans>Source IP</Trans>
                  </th>
                  <th className="py-1 pr-3 font-medium">
                    <Trans>Result</Trans>
                  </th>
                  <th className="py-1 font-medium">
                    <Trans>Request id</Trans>
                  </th>
                </tr>
              </thead>
              <tbody className={stackedTable.body}>
                {rows.map((trace) => {
                  const ok = !trace.code || trace.code.startsWith('2');
                  return (
                    <tr key={trace.trace_id} className={`border-t border-zinc-200 dark:border-zinc-800 ${stackedTable.row}`}>
                      <td data-label={t`Time`} className={`py-1 pr-3 ${stackedTable.cell}`}>
                        <TimeText value={trace.time} />
                      </td>
                      <td data-label={t`User`} className={`py-1 pr-3 break-all ${stackedTable.cell}`}>
                        {trace.user?.user_name ?? trace.user?.name ?? '—'}
                      </td>
                      <td data-label={t`Operation`} className={`py-1 pr-3 font-mono ${stackedTable.cell}`}>
                        {trace.trace_name}
                      </td>
                      <td data-label={t`Source IP`} className={`py-1 pr-3 font-mono ${stackedTable.cell}`}>
                        {trace.source_ip ?? '—'}
                      </td>
                      <td data-label={t`Result`} className={`py-1 pr-3 ${stackedTable.cell}`}>
                        <Badge tone={ok ? 'green' : 'red'}>{trace.code ?? '—'}</Badge>
                      </td>
                      <td data-label={t`Request id`} className={`py-1 font-mono text-xs break-all ${stackedTable.cell}`}>
                        {trace.request_id ?? '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      ) : (
        <p className="text-sm">
          <Trans>Loading the activity…</Trans>
        </p>
      )}
      {traces.error && traces.data && <ErrorPanel error={traces.error} onRetry={() => void traces.fetchNextPage()} />}
      {traces.hasNextPage && (
        <Button disabled={traces.isFetchingNextPage} onClick={() => void traces.fetchNextPage()}>
          {traces.isFetchingNextPage ? <Trans>Loading…</Trans> : <Trans>Load more</Trans>}
        </Button>
      )}
    </section>
  );
}
