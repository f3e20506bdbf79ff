// Which columns the list shows (kept in this browser).
import { useLingui } from '@lingui/react/macro';
import { OPTIONAL_COLUMNS, type OptionalColumn } from '../lib/list-columns.ts';

export function useColumnNames() {
  const { t } = useLingui();
  return (column: OptionalColumn | 'name') =>
    ({
      name: t`Name`,
      state: t`State`,
      flags: t`Attention`,
      type: t`Type`,
      tags: t`Tags`,
      updated: t`Updated`,
      description: t`Description`,
    })[column];
}

export function ColumnChooser({ shown, toggle }: { shown: (c: OptionalColumn) => boolean; toggle: (c: OptionalColumn) => void }) {
  const { t } = useLingui();
  const name = useColumnNames();
  return (
    <details className="relative">
      <summary className="inline-flex h-8 cursor-pointer list-none items-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
        {t`Columns`}
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-48 space-y-1 rounded-md border border-zinc-200 bg-white p-2 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <legend className="sr-only">{t`Columns shown`}</legend>
        {OPTIONAL_COLUMNS.map((c) => (
          <label key={c} className="flex items-center gap-2">
            <input type="checkbox" checked={shown(c)} onChange={() => toggle(c)} />
            {name(c)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
