import { describe, expect, it } from 'vitest';
import type { Secret } from '../../shared/schemas.ts';
import { csvCell, exportFileName, toCsv, toJson, type ExportContext } from './list-export.ts';
import { rowHealth } from './list-health.tsx';
import { buildRows } from './secret-rows.ts';

const NOW = Date.UTC(2026, 10, 23, 6, 2, 11);
const ctx: ExportContext = {
  project: { id: 'p1', name: 'cn-north-4_production', region: 'cn-north-4' },
  asOf: NOW,
  checked: { versions: false, tasks: true, keys: false },
};
const secrets: Secret[] = [
  { id: '1', name: 'db', state: 'PENDING_DELETE', description: '=HYPERLINK("http://x","y")', scheduled_delete_time: NOW + 86400_000 },
  { id: '2', name: 'api', state: 'ENABLED', description: 'key, "quoted"\nline two' },
];
const rows = buildRows(secrets, new Map([['db', [{ key: '+cmd', value: 'x' }]]]), rowHealth({ secrets }, NOW));

describe('csvCell', () => {
  it('never starts a cell with a formula character', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvCell('plain')).toBe('"plain"');
  });
  it('quotes and doubles quotes', () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
  });
});

describe('toCsv', () => {
  it('has a header, one line a secret, the project and the time read', () => {
    const lines = toCsv(rows, ctx)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'project_id,project_name,region,as_of,name,state,type,description,tags,flags,flags_checked,auto_rotation,rotation_period,next_rotation_time,create_time,update_time,scheduled_delete_time',
    );
    expect(lines[1]).toContain('"versions=false; tasks=true; keys=false"');
    expect(lines[1]).toContain('"p1","cn-north-4_production","cn-north-4","2026-11-23T06:02:11.000Z","db","PENDING_DELETE","COMMON"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""y"")","'+cmd=x"`);
    expect(lines[1]).toContain('"pending-deletion"');
  });
  it('keeps a multi-line description in one quoted cell', () => {
    expect(toCsv(rows, ctx)).toContain('"key, ""quoted""\nline two"');
  });
});

describe('toJson', () => {
  it('carries the project, the time read, metadata, tags and flags', () => {
    const data = JSON.parse(toJson(rows, { ...ctx, flagsAsOf: NOW - 1000 })) as Record<string, unknown> & { secrets: unknown[] };
    expect(data.project).toEqual(ctx.project);
    expect(data.as_of).toBe('2026-11-23T06:02:11.000Z');
    expect(data.flags_as_of).toBe('2026-11-23T06:02:10.000Z');
    expect(data.secrets[0]).toMatchObject({
      name: 'db',
      tags: [{ key: '+cmd', value: 'x' }],
      flags: [{ kind: 'pending-deletion', at: '2026-11-24T06:02:11.000Z' }],
    });
  });
});

describe('exportFileName', () => {
  it('names the project and the time', () => {
    expect(exportFileName(ctx, 'csv')).toBe('secrets-cn-north-4_production-20261123T060211Z.csv');
  });
});
