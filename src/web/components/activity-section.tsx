// The Activity section of a secret page: the CSMS calls on this secret that CTS recorded over its
// 7-day window (time, user, operation, source IP, result, request id), newest first, filtered by
// operation and user (kept in the address), paged with CTS's marker. CTS refused or down: the
// section says so; the rest of the page does not depend on it.
import { Trans, useLingui } from '@lingui/react/macro';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { activityQueries } from '../api/activity.ts';
import { ErrorPanel } from './error-panel.tsx';
import { TimeText } from './time-text.tsx';
import { Badge } from './ui/badge.tsx';
import { Button } from './ui/button.tsx';
import { stackedTable } from './ui/stacked-table.ts';

/** The CSMS operations on a secret that CTS records (CSMS's own names). */
export const SECRET_OPERATIONS = [
  'CreateSecret',
  'ShowSecret',
  'UpdateSecret',
  'DeleteSecret',
  'DeleteSecretForSchedule',
  'RestoreSecret',
  'RotateSecret',
  'ListSecretVersions',
  'CreateSecretVersion',
  'ShowSecretVersion',
  'UpdateSecretVersion',
  'ShowSecretStage',
  'UpdateSecretStage',
  'DeleteSecretStage',
  'ListSecretTags',
  'CreateSecretTag',
  'DeleteSecretTag',
] as const;

/** CTS's rule for the user filter. */
const USER_PATTERN = /^[\p{L}\p{N} ._@-]{1,64}$/u;
const INPUT =
  'h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900';

export function ActivitySection({ projectId, secretName }: { projectId: string; secretName: string }) {
  const { t } = useLingui();
  const [search, setSearch] = useSearchParams();
  const operation = search.get('op') ?? undefined;
  const user = search.get('user') ?? undefined;
  const validOperation = operation && (SECRET_OPERATIONS as readonly string[]).includes(operation) ? operation : undefined;
  const validUser = user && USER_PATTERN.test(user) ? user : undefined;
  const traces = useInfiniteQuery(activityQueries.list(projectId, secretName, { operation: validOperation, user: validUser }));
  const [userProblem, setUserProblem] = useState<string>();
  const ids = { op: useId(), user: useId() };

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const nextOp = String(form.get('op') ?? '');
    const nextUser = String(form.get('user') ?? '').trim();
    if (nextUser && !USER_PATTERN.test(nextUser)) {
      setUserProblem(t`A user name is 1 to 64 letters, digits, spaces, ".", "_", "@" or "-".`);
      return;
    }
    setUserProblem(undefined);
    const next = new URLSearchParams(search);
    for (const [key, value] of [
      ['op', nextOp],
      ['user', nextUser],
    ] as const)
      if (value) next.set(key, value);
      else next.delete(key);
    setSearch(next, { replace: true, preventScrollReset: true });
  };

  const rows = traces.data?.pages.flatMap((p) => p.traces) ?? [];
  return (
    <section aria-labelledby="activity-heading" className="space-y-3">
      <h2 id="activity-heading" className="text-base font-semibold">
        <Trans>Activity</Trans>
      </h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <Trans>CSMS calls on this secret recorded by CTS (Cloud Trace Service) in the last 7 days, newest first.</Trans>
      </p>
      <form noValidate onSubmit={apply} className="flex flex-wrap items-end gap-2" aria-label={t`Filter the activity`}>
        <div>
          <label htmlFor={ids.op} className="mb-1 block text-xs font-medium">
            <Trans>Operation</Trans>
          </label>
          <select id={ids.op} name="op" defaultValue={validOperation ?? ''} className={INPUT} key={`op:${validOperation}`}>
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
            key={`user:${validUser}`}
            defaultValue={validUser ?? ''}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={userProblem ? true : undefined}
            aria-describedby={userProblem ? `${ids.user}-problem` : undefined}
            className={INPUT}
          />
        </div>
        <Button type="submit">
          <Trans>Filter</Trans>
        </Button>
        {userProblem && (
          <p id={`${ids.user}-problem`} className="basis-full text-sm text-red-700 dark:text-red-400">
            {userProblem}
          </p>
        )}
      </form>
      {traces.error && !traces.data ? (
        <ErrorPanel heading={t`The activity could not be read from CTS`} error={traces.error} onRetry={() => void traces.refetch()} />
      ) : traces.data ? (
        rows.length === 0 ? (
          <p className="text-sm">
            <Trans>No call in the last 7 days matches.</Trans>
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
