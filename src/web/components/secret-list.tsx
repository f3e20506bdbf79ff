// The project's secrets: every page of ListSecrets loaded in the background (with progress),
// filtered and sorted in memory, and virtualized so 10,000 rows stay smooth.
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Secret } from '../../csms/schemas.ts';
import type { AllSecrets } from '../api/all-secrets.ts';
import { filterSecrets } from '../lib/secret-filter.ts';
import { formatNumber } from '../lib/locale.ts';
import { paths } from '../lib/paths.ts';
import { useRowWindow } from '../lib/row-window.ts';
import { ErrorPanel } from './error-panel.tsx';
import { RotationOverdue } from './rotation-overdue.tsx';
import { SecretStateBadge } from './secret-state-badge.tsx';
import { TimeText } from './time-text.tsx';

type SortKey = 'name' | 'state' | 'secret_type' | 'update_time';
const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'name', label: 'Name', className: 'lg:w-[28%]' }, // takes what is left until the description shows
  { key: 'state', label: 'State', className: 'w-[8.5rem]' },
  { key: 'secret_type', label: 'Type', className: 'hidden w-28 md:table-cell' },
  { key: 'update_time', label: 'Updated', className: 'hidden w-44 sm:table-cell' },
];
const ROW_HEIGHT = 41;

function compare(a: Secret, b: Secret, key: SortKey): number {
  const x = a[key] ?? '';
  const y = b[key] ?? '';
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
}

export function SecretList({ projectId, list, filter }: { projectId: string; list: AllSecrets; filter: string }) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'name', ascending: true });
  const deferredFilter = useDeferredValue(filter.trim());
  const all = list.secrets;
  const rows = useMemo(() => {
    const matching = filterSecrets(all, deferredFilter);
    matching.sort((a, b) => (sort.ascending ? 1 : -1) * compare(a, b, sort.key));
    return matching;
  }, [all, deferredFilter, sort]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const { first, last, padTop, padBottom } = useRowWindow(scrollRef, rows.length, ROW_HEIGHT);

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
      <div
        ref={scrollRef}
        className="h-[max(20rem,calc(100vh-17rem))] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
        tabIndex={-1}
      >
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
                    onClick={() => setSort((s) => ({ key: c.key, ascending: s.key === c.key ? !s.ascending : true }))}
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
          <tbody>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {rows.slice(first, last).map((s, i) => {
              return (
                <tr
                  key={s.name}
                  aria-rowindex={first + i + 2}
                  style={{ height: ROW_HEIGHT }}
                  className="border-t border-zinc-100 hover:bg-zinc-50 dark:border-zinc-900 dark:hover:bg-zinc-900"
                >
                  <td className="px-3">
                    <span className="flex min-w-0 items-center gap-2">
                      <Link
                        className="truncate font-mono text-blue-700 hover:underline dark:text-blue-400"
                        to={paths.secret(projectId, s.name)}
                      >
                        {s.name}
                      </Link>
                      <RotationOverdue secret={s} short />
                    </span>
                  </td>
                  <td className="px-3">
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
              );
            })}
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
