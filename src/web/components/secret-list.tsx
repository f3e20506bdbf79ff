// The project's secrets: every page of ListSecrets loaded in the background (with progress),
// filtered and sorted in memory (the order kept in the address), and virtualized against the
// window, so the page scrolls as one and 10,000 rows stay smooth. On a narrow screen a row stacks
// the state under the name.
import { useCallback, useDeferredValue, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AllSecrets } from '../api/all-secrets.ts';
import { parseSort, sortParam, sortSecrets, type ListSort, type SortKey } from '../lib/list-sort.ts';
import { formatNumber } from '../lib/locale.ts';
import { useMediaQuery } from '../lib/media.ts';
import { paths } from '../lib/paths.ts';
import { useWindowRows } from '../lib/row-window.ts';
import { filterSecrets } from '../lib/secret-filter.ts';
import { useSearchParamWriter } from '../lib/url-state.ts';
import { ErrorPanel } from './error-panel.tsx';
import { RotationOverdue } from './rotation-overdue.tsx';
import { SecretStateBadge } from './secret-state-badge.tsx';
import { TimeText } from './time-text.tsx';

const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'name', label: 'Name', className: 'lg:w-[30%]' }, // takes what is left until the description shows
  { key: 'state', label: 'State', className: 'hidden w-[9.5rem] sm:table-cell' },
  { key: 'type', label: 'Type', className: 'hidden w-28 md:table-cell' },
  { key: 'updated', label: 'Updated', className: 'hidden w-64 sm:table-cell' },
];
/** One line per row; two on a narrow screen, where the state goes under the name. */
const ROW_HEIGHT = { wide: 41, narrow: 60 };

function useListSort(): [ListSort, (key: SortKey) => void] {
  const [searchParams] = useSearchParams();
  const writeParam = useSearchParamWriter();
  const sort = parseSort(searchParams.get('sort'));
  const sortBy = useCallback(
    (key: SortKey) => void writeParam('sort', sortParam({ key, ascending: sort.key === key ? !sort.ascending : true })),
    [sort.key, sort.ascending, writeParam],
  );
  return [sort, sortBy];
}

export function SecretList({ projectId, list, filter }: { projectId: string; list: AllSecrets; filter: string }) {
  const [sort, sortBy] = useListSort();
  const deferredFilter = useDeferredValue(filter.trim());
  const all = list.secrets;
  const rows = useMemo(() => sortSecrets(filterSecrets(all, deferredFilter), sort), [all, deferredFilter, sort]);

  const wide = useMediaQuery('(min-width: 640px)');
  const rowHeight = wide ? ROW_HEIGHT.wide : ROW_HEIGHT.narrow;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const { first, last, padTop, padBottom } = useWindowRows(bodyRef, rows.length, rowHeight);

  const loading = list.loading && !list.error;
  // Nothing listed: the error takes the list's place (the name box above still opens a secret).
  if (list.error && all.length === 0)
    return <ErrorPanel heading="The secrets could not be listed" error={list.error} onRetry={list.retry} />;
  return (
    <div className="space-y-2">
      <div className="flex min-h-6 flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
        <span aria-live="polite">
          {deferredFilter
            ? `${formatNumber(rows.length)} of ${formatNumber(all.length)} secrets match`
            : `${formatNumber(all.length)} secret${all.length === 1 ? '' : 's'}`}
          {loading && ' — loading more…'}
        </span>
        {loading && <progress aria-label="Loading secrets" className="h-1.5 w-32 accent-blue-600" />}
      </div>
      {list.error && <ErrorPanel heading="Not every secret could be listed" error={list.error} onRetry={list.retry} />}
      <div className="rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full table-fixed text-sm" aria-rowcount={rows.length + 1}>
          <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={`px-3 py-2 font-medium ${c.className}`}
                  aria-sort={sort.key === c.key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100"
                    onClick={() => sortBy(c.key)}
                  >
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.ascending ? '▲' : '▼') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col" className="hidden px-3 py-2 font-medium lg:table-cell">
                Description
              </th>
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {rows.slice(first, last).map((s, i) => (
              <tr
                key={s.name}
                aria-rowindex={first + i + 2}
                style={{ height: rowHeight }}
                className="border-t border-zinc-100 hover:bg-zinc-50 dark:border-zinc-900 dark:hover:bg-zinc-900"
              >
                <td className="px-3">
                  <span className="flex min-w-0 items-center gap-2">
                    <Link
                      className="min-w-0 truncate font-mono text-blue-700 hover:underline dark:text-blue-400"
                      to={paths.secret(projectId, s.name)}
                    >
                      {s.name}
                    </Link>
                    {wide && <RotationOverdue secret={s} short />}
                  </span>
                  {!wide && (
                    <span className="mt-1 flex items-center gap-2">
                      <SecretStateBadge state={s.state} />
                      <RotationOverdue secret={s} short />
                    </span>
                  )}
                </td>
                <td className="hidden px-3 sm:table-cell">
                  <SecretStateBadge state={s.state} />
                </td>
                <td className="hidden truncate px-3 font-mono text-xs md:table-cell">{s.secret_type ?? 'COMMON'}</td>
                <td className="hidden px-3 sm:table-cell">
                  <TimeText value={s.update_time} />
                </td>
                <td className="hidden truncate px-3 text-zinc-700 lg:table-cell dark:text-zinc-300" title={s.description}>
                  {s.description}
                </td>
              </tr>
            ))}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
          </tbody>
        </table>
        {rows.length === 0 && !loading && (
          <p className="p-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
            {all.length === 0 ? 'This project has no secrets.' : 'No secret matches the filter.'}
          </p>
        )}
      </div>
    </div>
  );
}
