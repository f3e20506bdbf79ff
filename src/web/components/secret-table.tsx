// The secret list's table: its columns (the ones chosen), sortable headers, rows virtualized
// against the window (the page scrolls as one, 10,000 rows stay smooth), and the keyboard
// (secret-table-keys.ts): j/k or the arrows move through the rows, Enter opens one. On a narrow screen a row stacks the state and
// flags under the name.
import { lazy, Suspense, useRef, useState, type ComponentType } from 'react';
import { Link } from 'react-router';
import type { OptionalColumn } from '../lib/list-columns.ts';
import type { ListSort, SortKey } from '../lib/list-sort.ts';
import { useMediaQuery } from '../lib/media.ts';
import { optional } from '../lib/optional-code.tsx';
import { paths } from '../lib/paths.ts';
import { useWindowRows } from '../lib/row-window.ts';
import type { RowBadges } from '../lib/list-health.tsx';
import type { SecretRow } from '../lib/secret-rows.ts';
import { useColumnNames } from './column-chooser.tsx';
import { SecretStateBadge } from './secret-state-badge.tsx';
import { TagChips } from './tag-chips.tsx';
import { TimeText } from './time-text.tsx';

const TableKeys = lazy(optional(() => import('./secret-table-keys.ts')));

type ColumnKey = OptionalColumn | 'name';
const COLUMNS: { key: ColumnKey; sort?: SortKey; className: string }[] = [
  { key: 'name', sort: 'name', className: 'xl:w-[20%]' }, // takes what is left until the description shows
  { key: 'state', sort: 'state', className: 'hidden w-[9.5rem] sm:table-cell' },
  { key: 'flags', sort: 'attention', className: 'hidden w-60 md:table-cell' },
  { key: 'type', sort: 'type', className: 'hidden w-28 lg:table-cell' },
  { key: 'tags', className: 'hidden w-44 lg:table-cell xl:w-56' },
  // A date, a time and the zone on one line, in either language: never cut, never two lines.
  { key: 'updated', sort: 'updated', className: 'hidden w-[17rem] sm:table-cell' },
  { key: 'description', className: 'hidden xl:table-cell' },
];
/** One line per row; two on a narrow screen, where the state goes under the name. */
const ROW_HEIGHT = { wide: 41, narrow: 60 };

export function SecretTable({
  projectId,
  rows,
  sort,
  onSort,
  shown,
  tagFirst,
  now,
  Badges,
}: {
  projectId: string;
  rows: SecretRow[];
  sort: ListSort;
  onSort: (key: SortKey) => void;
  shown: (c: OptionalColumn) => boolean;
  /** The tag key filtered by, shown first in each row. */
  tagFirst?: string;
  now: number;
  /** A row's flags drawn: none until the health code is here (a row has no flag before). */
  Badges?: ComponentType<Parameters<typeof RowBadges>[0]>;
}) {
  const columnName = useColumnNames();
  const visible = COLUMNS.filter((c) => c.key === 'name' || shown(c.key));
  const wide = useMediaQuery('(min-width: 640px)');
  const rowHeight = wide ? ROW_HEIGHT.wide : ROW_HEIGHT.narrow;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const { first, last, padTop, padBottom } = useWindowRows(bodyRef, rows.length, rowHeight);
  // The row j/k chose (its keys load after the first paint: no key is needed to draw the list).
  const [chosen, setChosen] = useState<string | null>(null);
  const chosenIndex = chosen === null ? -1 : rows.findIndex((r) => r.secret.name === chosen);
  const current = chosenIndex >= 0 ? rows[chosenIndex] : undefined;

  return (
    <>
      <Suspense fallback={null}>
        <TableKeys
          projectId={projectId}
          bodyRef={bodyRef}
          rows={rows}
          rowHeight={rowHeight}
          shown={{ first, last }}
          chosenIndex={chosenIndex}
          setChosen={setChosen}
        />
      </Suspense>
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
                    onClick={() => onSort(c.sort!)}
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
              now={now}
              shown={shown}
              tagFirst={tagFirst}
              selected={current === row}
              Badges={Badges}
            />
          ))}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </>
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
  Badges,
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
  Badges?: ComponentType<Parameters<typeof RowBadges>[0]>;
}) {
  const s = row.secret;
  const tags = tagFirst === undefined ? row.tags : [...row.tags].sort((a, b) => Number(b.key === tagFirst) - Number(a.key === tagFirst));
  const flags = Badges && <Badges flags={row.flags} now={now} />;
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
            {flags}
          </span>
        )}
      </td>
      {shown('state') && (
        <td className="hidden px-3 sm:table-cell">
          <SecretStateBadge state={s.state} />
        </td>
      )}
      {shown('flags') && <td className="hidden px-3 md:table-cell">{flags}</td>}
      {shown('type') && <td className="hidden truncate px-3 font-mono text-xs lg:table-cell">{row.type}</td>}
      {shown('tags') && (
        <td className="hidden px-3 text-xs lg:table-cell">
          <TagChips tags={tags} />
        </td>
      )}
      {shown('updated') && (
        <td className="hidden px-3 whitespace-nowrap sm:table-cell">
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
