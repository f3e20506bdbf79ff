// Export of the rows shown (the filter applied) as CSV or JSON: metadata, tags and flags, never a value.
import { useLingui } from '@lingui/react/macro';
import type { ExportContext } from '../lib/list-export.ts';
import type { SecretRow } from '../lib/secret-rows.ts';
import { Button } from './ui/button.tsx';

export function ExportButtons({ rows, context }: { rows: SecretRow[]; context: () => ExportContext }) {
  const { t } = useLingui();
  const count = rows.length;
  // The writers load on the first export: the list does not need them to render.
  const download = async (format: 'csv' | 'json') => {
    const ctx = context();
    (await import('../lib/export-download.ts')).downloadRows(rows, ctx, format);
  };
  return (
    <span className="inline-flex items-center gap-1" role="group" aria-label={t`Export the ${count} secrets shown`}>
      <span className="text-sm text-zinc-600 dark:text-zinc-400">{t`Export`}</span>
      <Button disabled={count === 0} onClick={() => void download('csv')}>
        CSV
      </Button>
      <Button disabled={count === 0} onClick={() => void download('json')}>
        JSON
      </Button>
    </span>
  );
}
