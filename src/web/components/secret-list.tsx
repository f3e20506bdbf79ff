// The project's secrets: every page of ListSecrets loaded in the background (with progress), with
// their tags and health flags, filtered (text and facets, kept in the address) and sorted in
// memory; the filters, the counts and the export above the table. Esc clears the filter.
import { Plural, useLingui } from '@lingui/react/macro';
import { lazy, Suspense, type RefObject } from 'react';
import type { AllSecrets } from '../api/all-secrets.ts';
import { useListColumns } from '../lib/list-columns.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { ColumnChooser } from './column-chooser.tsx';
import { ErrorPanel } from './error-panel.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { ListFilters } from './list-filters.tsx';
import { SecretTable } from './secret-table.tsx';
import { SweepStatus } from './sweep-status.tsx';
import { Skeleton } from './ui/skeleton.tsx';
import { useSecretListView, type ShownSecrets } from './use-secret-list-view.ts';

// Said only of a project with more secrets than the console reads, once the list has read them.
const PartialListNote = lazy(async () => ({ default: (await import('./partial-list-note.tsx')).PartialListNote }));

export function SecretList(props: {
  projectId: string;
  list: AllSecrets;
  text: string;
  onClearText: () => void;
  shownRef?: RefObject<ShownSecrets | null>;
}) {
  const { projectId, list } = props;
  const { t, i18n } = useLingui();
  const view = useSecretListView(props);
  const { filter, data, rows, filtered } = view;
  const columns = useListColumns();
  useShortcuts([{ keys: ['Escape'], label: t`Clear the filter`, run: () => void view.clearFilter(), disabled: !filtered }]);

  const all = list.secrets;
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
        counts={view.counts}
        known={data.known}
        onChange={(f, v) => void view.setFacet(f, v)}
        onClear={() => void view.clearFilter()}
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
          <ExportButtons rows={rows} context={view.exportContext} />
        </span>
      </div>
      {list.error && <ErrorPanel heading={t`Not every secret could be listed`} error={list.error} onRetry={list.retry} />}
      {list.partial && (
        // A line in its place while it loads: the table does not move twice.
        <Suspense fallback={<Skeleton className="h-5" />}>
          <PartialListNote partial />
        </Suspense>
      )}
      {data.tags.error && (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          {t`Tags could not be read:`} <span className="font-mono">{`${data.tags.error.code} ${data.tags.error.message}`}</span>
        </p>
      )}
      <div className="rounded-lg border border-zinc-200 dark:border-zinc-800">
        <SecretTable
          projectId={projectId}
          rows={rows}
          sort={view.sort}
          onSort={view.sortBy}
          shown={columns.shown}
          tagFirst={filter.tag}
          now={data.now}
          Badges={data.RowBadges}
        />
        {rows.length === 0 && !loading && (
          <p className="p-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
            {all.length === 0 ? t`This project has no secrets.` : t`No secret matches the filter.`}
          </p>
        )}
      </div>
    </div>
  );
}
