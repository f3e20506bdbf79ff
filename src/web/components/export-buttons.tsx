// Export of the rows shown (the filter applied) as CSV or JSON: metadata, tags and flags, never a value.
import { useLingui } from '@lingui/react/macro';
import type { ExportContext } from '../lib/list-export.ts';
import type { SecretRow } from '../lib/secret-rows.ts';
import { Button } from './ui/button.tsx';

function download(text: string, type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the address can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// The writers load on the first export: the list does not need them to render.
const writers = () => import('../lib/list-export.ts');

export function ExportButtons({ rows, context }: { rows: SecretRow[]; context: () => ExportContext }) {
  const { t } = useLingui();
  const count = rows.length;
  return (
    <span className="inline-flex items-center gap-1" role="group" aria-label={t`Export the ${count} secrets shown`}>
      <span className="text-sm text-zinc-600 dark:text-zinc-400">{t`Export`}</span>
      <Button
        disabled={count === 0}
        onClick={async () => {
          const ctx = context();
          const { exportFileName, toCsv } = await writers();
          download(toCsv(rows, ctx), 'text/csv;charset=utf-8', exportFileName(ctx, 'csv'));
        }}
      >
        CSV
      </Button>
      <Button
        disabled={count === 0}
        onClick={async () => {
          const ctx = context();
          const { exportFileName, toJson } = await writers();
          download(toJson(rows, ctx), 'application/json', exportFileName(ctx, 'json'));
        }}
      >
        JSON
      </Button>
    </span>
  );
}
