// The filtered list as a file: CSV (for a spreadsheet) or JSON, with each secret's metadata, tags
// and flags, the project and region, and when the data was read. Never a value: rows hold none.
// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so
// such a cell is prefixed with ' (OWASP's CSV injection advice); every cell is quoted.
import type { Project } from '../../shared/console-api.ts';
import type { Flag } from '../../shared/health.ts';
import { toMillis } from './time.ts';
import type { SecretRow } from './secret-rows.ts';

export interface ExportContext {
  project: Project;
  /** When the list was read (ms). */
  asOf: number;
  /** When the overview the version and rotation flags come from was read, if it was. */
  flagsAsOf?: number;
  /** Which flags are known for every secret: a sweep under way (or refused) leaves some out. */
  checked: { versions: boolean; tasks: boolean; keys: boolean };
}

const checkedWords = (checked: ExportContext['checked']) =>
  Object.entries(checked)
    .map(([part, known]) => `${part}=${known}`)
    .join('; ');

const iso = (timestamp: number | null | undefined) => (timestamp == null ? '' : new Date(toMillis(timestamp)).toISOString());

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted, quotes doubled, and never a formula. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A flag in one word and its subject: `version-expiring:v3`, `rotation-failed`. */
const flagWord = (flag: Flag) => ('versionId' in flag ? `${flag.kind}:${flag.versionId}` : flag.kind);

const CSV_COLUMNS = [
  'project_id',
  'project_name',
  'region',
  'as_of',
  'name',
  'state',
  'type',
  'description',
  'tags',
  'flags',
  'flags_checked',
  'auto_rotation',
  'rotation_period',
  'next_rotation_time',
  'create_time',
  'update_time',
  'scheduled_delete_time',
] as const;

export function toCsv(rows: SecretRow[], ctx: ExportContext): string {
  const lines = rows.map(({ secret: s, type, tags, flags }) => {
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      project_id: ctx.project.id,
      project_name: ctx.project.name,
      region: ctx.project.region,
      as_of: new Date(ctx.asOf).toISOString(),
      name: s.name,
      state: s.state,
      type,
      description: s.description ?? '',
      tags: tags.map((t) => `${t.key}=${t.value ?? ''}`).join('; '),
      flags: flags.map(flagWord).join('; '),
      flags_checked: checkedWords(ctx.checked),
      auto_rotation: s.auto_rotation ? 'true' : 'false',
      rotation_period: s.rotation_period ?? '',
      next_rotation_time: iso(s.next_rotation_time),
      create_time: iso(s.create_time),
      update_time: iso(s.update_time),
      scheduled_delete_time: iso(s.scheduled_delete_time),
    };
    return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
  });
  // CRLF, as RFC 4180 says; a BOM so that Excel reads UTF-8 (Chinese descriptions).
  return `\uFEFF${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

export function toJson(rows: SecretRow[], ctx: ExportContext): string {
  return JSON.stringify(
    {
      project: ctx.project,
      as_of: new Date(ctx.asOf).toISOString(),
      ...(ctx.flagsAsOf !== undefined && { flags_as_of: new Date(ctx.flagsAsOf).toISOString() }),
      checked: ctx.checked,
      secrets: rows.map(({ secret, type, tags, flags }) => ({
        ...secret,
        secret_type: type,
        tags,
        flags: flags.map((f) => ('at' in f && f.at !== undefined ? { ...f, at: new Date(f.at).toISOString() } : f)),
      })),
    },
    null,
    2,
  );
}

/** `secrets-cn-north-4_production-20261123T140211Z.csv` */
export function exportFileName(ctx: ExportContext, extension: 'csv' | 'json'): string {
  const stamp = new Date(ctx.asOf)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `secrets-${ctx.project.name.replace(/[^A-Za-z0-9_.-]/g, '_')}-${stamp}.${extension}`;
}
