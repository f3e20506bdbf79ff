// The project's secrets: every page of ListSecrets loaded in the background (with progress), with
// their tags and health flags, filtered (text and facets, kept in the address) and sorted in memory,
// and virtualized against the window, so the page scrolls as one and 10,000 rows stay smooth. On
// a narrow screen a row stacks the state and flags under the name. j/k or the arrows move through
// the rows, Enter opens one, Esc clears the filter.
import { Plural, useLingui } from '@lingui/react/macro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AllSecrets } from '../api/all-secrets.ts';
import { configQuery } from '../api/config-query.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { useListColumns, type OptionalColumn } from '../lib/list-columns.ts';
import type { ExportContext } from '../lib/list-export.ts';
import { parseSort, sortedBy, sortParam, type ListSort, type SortKey } from '../lib/list-sort.ts';
import { useMediaQuery } from '../lib/media.ts';
import { paths } from '../lib/paths.ts';
import { useWindowRows } from '../lib/row-window.ts';
import { FACET_PARAMS, FACETS, facetCounts, filterFromParams, filterRows, type Facet, type SecretRow } from '../lib/secret-rows.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { useSearchParamWriter } from '../lib/url-state.ts';
import { ColumnChooser, useColumnNames } from './column-chooser.tsx';
import { ErrorPanel } from './error-panel.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { FlagBadges, rowFlags } from './health-flag.tsx';
import { ListFilters } from './list-filters.tsx';
import { PartialListNote } from './partial-list-note.tsx';
import { SweepStatus } from './sweep-status.tsx';
import { SecretStateBadge } from './secret-state-badge.tsx';
import { TimeText } from './time-text.tsx';
import { useListData } from './use-list-data.ts';

type ColumnKey = OptionalColumn | 'name';
const COLUMNS: { key: ColumnKey; sort?: SortKey; className: string }[] = [
  { key: 'name', sort: 'name', className: 'xl:w-[22%]' }, // takes what is left until the description shows
  { key: 'state', sort: 'state', className: 'hidden w-[9.5rem] sm:table-cell' },
  { key: 'flags', className: 'hidden w-64 md:table-cell' },
  { key: 'type', sort: 'type', className: 'hidden w-28 lg:table-cell' },
  { key: 'tags', className: 'hidden w-44 lg:table-cell' },
  { key: 'updated', sort: 'updated', className: 'hidden w-60 sm:table-cell' },
  { key: 'description', className: 'hidden xl:table-cell' },
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

/** The rows the list shows now, and for which text: what Enter in the name box chooses among. */
export interface ShownSecrets {
  text: string;
  rows: SecretRow[];
}

export function SecretList({
  projectId,
  list,
  text,
  onClearText,
  shownRef,
}: {
  projectId: string;
  list: AllSecrets;
  text: string;
  onClearText: () => void;
  shownRef?: RefObject<ShownSecrets | null>;
}) {
  const { t, i18n } = useLingui();
  const [sort, sortBy] = useListSort();
  const [searchParams] = useSearchParams();
  const writeParam = useSearchParamWriter();
  const deferredText = useDeferredValue(text.trim());
  const filter = useMemo(() => filterFromParams(searchParams, deferredText), [searchParams, deferredText]);
  const data = useListData(projectId, list);
  const all = list.secrets;
  // The counts beside each choice follow the rows, a render later: typing redraws the list first.
  const countsFilter = useDeferredValue(filter);
  const counts = useMemo(() => facetCounts(data.rows, countsFilter), [data.rows, countsFilter]);
  // Sorted once per list and order; a keystroke only filters the sorted rows (filtering keeps the order).
  const sorted = useMemo(() => sortedBy(data.rows, (row) => row.secret, sort), [data.rows, sort]);
  const rows = useMemo(() => filterRows(sorted, filter), [sorted, filter]);
  useEffect(() => {
    if (shownRef) shownRef.current = { text: filter.q, rows };
  }, [shownRef, filter.q, rows]);
  const filtered = Boolean(filter.q) || FACETS.some((f) => filter[f] !== undefined);

  const columns = useListColumns();
  const columnName = useColumnNames();
  const visible = COLUMNS.filter((c) => c.key === 'name' || columns.shown(c.key));
  const wide = useMediaQuery('(min-width: 640px)');
  const rowHeight = wide ? ROW_HEIGHT.wide : ROW_HEIGHT.narrow;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const { first, last, padTop, padBottom } = useWindowRows(bodyRef, rows.length, rowHeight);
  const selection = useRowSelection(bodyRef, rows, rowHeight, first, last);
  const navigate = useNavigate();

  const setFacet = async (facet: Facet, value: string | null) => {
    await writeParam(FACET_PARAMS[facet], value);
    if (facet === 'tag') await writeParam(FACET_PARAMS.tagValue, null);
  };
  const clearFilter = async () => {
    onClearText();
    for (const facet of FACETS) if (searchParams.has(FACET_PARAMS[facet])) await writeParam(FACET_PARAMS[facet], null);
  };
  useShortcuts([
    { keys: ['j', 'ArrowDown'], label: t`Next secret`, run: () => selection.move(1), disabled: rows.length === 0 },
    { keys: ['k', 'ArrowUp'], label: t`Previous secret`, run: () => selection.move(-1), disabled: rows.length === 0 },
    {
      keys: ['Enter'],
      label: t`Open the secret chosen`,
      run: () => {
        // Enter on a control keeps its own meaning; elsewhere it opens the row chosen.
        const active = document.activeElement;
        if (active instanceof HTMLElement && active !== document.body && !bodyRef.current?.contains(active)) active.click();
        else if (selection.current) void navigate(paths.secret(projectId, selection.current.secret.name));
      },
      disabled: !selection.current,
    },
    { keys: ['Escape'], label: t`Clear the filter`, run: () => void clearFilter(), disabled: !filtered },
  ]);

  const queryClient = useQueryClient();
  const { data: config } = useQuery(configQuery);
  const exportContext = (): ExportContext => ({
    project: config?.projects.find((p) => p.id === projectId) ?? { id: projectId, name: projectId, region: '' },
    asOf: queryClient.getQueryState(secretQueries.list(projectId).queryKey)?.dataUpdatedAt || Date.now(),
    flagsAsOf: data.overview?.as_of,
    checked: data.checked,
  });

  const loading = list.loading && !list.error;
  const number = new Intl.NumberFormat(i18n.locale);
  const shownCount = number.format(rows.length);
  const total = number.format(all.length);
  // Nothing listed: the error takes the list's place (the name box above still opens a secret).
  if (list.error && all.length === 0)
    return <ErrorPanel heading={t`The secrets could not be listed`} error={list.error} onRetry={list.retry} />;
  return (
    <div className="space-y-3">
      <ListFilters
        filter={filter}
        counts={counts}
        known={data.known}
        onChange={(f, v) => void setFacet(f, v)}
        onClear={() => void clearFilter()}
      />
      <div className="flex min-h-8 flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-600 dark:text-zinc-400">
        <span aria-live="polite">
          {filtered ? t`${shownCount} of ${total} secrets match` : <Plural value={all.length} one="# secret" other="# secrets" />}
          {loading && t` — loading more…`}
        </span>
        {loading && <progress aria-label={t`Loading secrets`} className="h-1.5 w-32 accent-blue-600" />}
        <SweepStatus overview={data.overview} error={data.sweepError} />
        <span className="ml-auto flex flex-wrap items-center gap-2">
          <ColumnChooser shown={columns.shown} toggle={columns.toggle} />
          <ExportButtons rows={rows} context={exportContext} />
        </span>
      </div>
      {list.error && <ErrorPanel heading={t`Not every secret could be listed`} error={list.error} onRetry={list.retry} />}
      <PartialListNote partial={list.partial} />
      {data.tags.error && (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          {t`Tags could not be read:`} <span className="font-mono">{`${data.tags.error.code} ${data.tags.error.message}`}</span>
        </p>
      )}
      <div className="rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full table-fixed text-sm" aria-rowcount={rows.length + 1}>
          <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              {visible.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={`px-3 py-2 font-medium ${c.className}`}
                  aria-sort={c.sort && sort.key === c.sort ? (sort.ascending ? 'ascending' : 'descending') : c.sort ? 'none' : undefined}
                >
                  {c.sort ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100"
                      onClick={() => sortBy(c.sort!)}
                    >
                      {columnName(c.key)}
                      <span aria-hidden="true">{sort.key === c.sort ? (sort.ascending ? '▲' : '▼') : ''}</span>
                    </button>
                  ) : (
                    columnName(c.key)
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {rows.slice(first, last).map((row, i) => (
              <SecretRowView
                key={row.secret.name}
                row={row}
                index={first + i}
                projectId={projectId}
                height={rowHeight}
                wide={wide}
                now={data.now}
                shown={columns.shown}
                tagFirst={filter.tag}
                selected={selection.current === row}
              />
            ))}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
          </tbody>
        </table>
        {rows.length === 0 && !loading && (
          <p className="p-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
            {all.length === 0 ? t`This project has no secrets.` : t`No secret matches the filter.`}
          </p>
        )}
      </div>
    </div>
  );
}

function SecretRowView({
  row,
  index,
  projectId,
  height,
  wide,
  now,
  shown,
  tagFirst,
  selected,
}: {
  row: SecretRow;
  index: number;
  projectId: string;
  height: number;
  wide: boolean;
  now: number;
  shown: (c: OptionalColumn) => boolean;
  /** The tag key filtered by, shown first. */
  tagFirst?: string;
  selected: boolean;
}) {
  const s = row.secret;
  const tags = tagFirst === undefined ? row.tags : [...row.tags].sort((a, b) => Number(b.key === tagFirst) - Number(a.key === tagFirst));
  const flags = rowFlags(row.flags);
  return (
    <tr
      aria-rowindex={index + 2}
      data-selected={selected || undefined}
      style={{ height }}
      className="border-t border-zinc-100 hover:bg-zinc-50 data-selected:bg-blue-50 dark:border-zinc-900 dark:hover:bg-zinc-900 dark:data-selected:bg-blue-950/50"
    >
      <td className="px-3">
        <Link
          className="block min-w-0 truncate font-mono text-blue-700 hover:underline dark:text-blue-400"
          to={paths.secret(projectId, s.name)}
        >
          {s.name}
        </Link>
        {!wide && (
          <span className="mt-1 flex items-center gap-2 overflow-hidden">
            <SecretStateBadge state={s.state} />
            <FlagBadges flags={flags} now={now} max={1} />
          </span>
        )}
      </td>
      {shown('state') && (
        <td className="hidden px-3 sm:table-cell">
          <SecretStateBadge state={s.state} />
        </td>
      )}
      {shown('flags') && (
        <td className="hidden px-3 md:table-cell">
          <FlagBadges flags={flags} now={now} max={1} />
        </td>
      )}
      {shown('type') && <td className="hidden truncate px-3 font-mono text-xs lg:table-cell">{row.type}</td>}
      {shown('tags') && (
        <td className="hidden truncate px-3 text-xs lg:table-cell" title={tags.map((t) => `${t.key}=${t.value ?? ''}`).join(', ')}>
          {tags.map((t) => (
            <span key={t.key} className="mr-1 rounded bg-zinc-100 px-1 py-0.5 font-mono dark:bg-zinc-800">
              {t.key}={t.value}
            </span>
          ))}
        </td>
      )}
      {shown('updated') && (
        <td className="hidden px-3 sm:table-cell">
          <TimeText value={s.update_time} />
        </td>
      )}
      {shown('description') && (
        <td className="hidden truncate px-3 text-zinc-700 xl:table-cell dark:text-zinc-300" title={s.description}>
          {s.description}
        </td>
      )}
    </tr>
  );
}

/** The row j/k chose: kept in view, its link focused (so Enter or a screen reader acts on it). */
function useRowSelection(
  bodyRef: RefObject<HTMLTableSectionElement | null>,
  rows: SecretRow[],
  rowHeight: number,
  first: number,
  last: number,
) {
  const [name, setName] = useState<string | null>(null);
  // Focus follows j/k only: never while the person types a filter.
  const focusPending = useRef(false);
  const index = name === null ? -1 : rows.findIndex((r) => r.secret.name === name);
  const current = index >= 0 ? rows[index] : undefined;
  const move = (step: number) => {
    let next: number;
    if (index >= 0) next = Math.min(rows.length - 1, Math.max(0, index + step));
    else {
      // From the first row in view.
      const top = bodyRef.current?.getBoundingClientRect().top ?? 0;
      next = Math.min(rows.length - 1, Math.max(0, Math.ceil(-top / rowHeight)));
    }
    const body = bodyRef.current;
    if (body) {
      const rowTop = body.getBoundingClientRect().top + window.scrollY + next * rowHeight;
      if (rowTop < window.scrollY + rowHeight * 2 || rowTop + rowHeight > window.scrollY + window.innerHeight)
        window.scrollTo({ top: rowTop - window.innerHeight / 2 });
    }
    focusPending.current = true;
    setName(rows[next]!.secret.name);
  };
  useEffect(() => {
    if (!focusPending.current || index < first || index >= last) return;
    focusPending.current = false;
    bodyRef.current?.querySelector<HTMLAnchorElement>(`tr[aria-rowindex="${index + 2}"] a`)?.focus({ preventScroll: true });
  }, [bodyRef, index, first, last]);
  return { current, move };
}
