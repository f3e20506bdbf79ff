// The export's download: the rows shown written as CSV or JSON (list-export.ts) and saved as a
// file. Loaded on the first export: the list does not need it to render.
import { exportFileName, toCsv, toJson, type ExportContext } from './list-export.ts';
import type { SecretRow } from './secret-rows.ts';

const WRITERS = {
  csv: { write: toCsv, type: 'text/csv;charset=utf-8' },
  json: { write: toJson, type: 'application/json' },
};

export function downloadRows(rows: SecretRow[], ctx: ExportContext, format: keyof typeof WRITERS) {
  const { write, type } = WRITERS[format];
  const url = URL.createObjectURL(new Blob([write(rows, ctx)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(ctx, format);
  link.click();
  // The click has started the download; the address can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
