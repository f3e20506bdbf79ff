// The emulator's CTS: a trace per CSMS call it served, beside the secrets in the same database.
// Plain data access; what is recorded and how it is listed live in traces.ts.
import type Database from 'better-sqlite3';

export interface TraceRow {
  project_id: string;
  trace_id: string;
  time: number;
  trace_name: string;
  trace_rating: 'normal' | 'warning' | 'incident';
  read_only: number;
  resource_name: string | null;
  user_name: string;
  user_id: string | null;
  access_key_id: string | null;
  source_ip: string;
  request_id: string;
  code: string;
  /** The answer as CTS keeps it, for the calls whose answers hold no value (JSON text). */
  response: string | null;
}

export interface TraceFilter {
  resource_name?: string;
  trace_name?: string;
  user?: string;
  trace_rating?: string;
  trace_id?: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS traces (
  project_id TEXT NOT NULL, trace_id TEXT NOT NULL, time INTEGER NOT NULL, trace_name TEXT NOT NULL,
  trace_rating TEXT NOT NULL, read_only INTEGER NOT NULL, resource_name TEXT, user_name TEXT NOT NULL,
  user_id TEXT, access_key_id TEXT, source_ip TEXT NOT NULL, request_id TEXT NOT NULL,
  code TEXT NOT NULL, response TEXT,
  PRIMARY KEY (project_id, trace_id)
);
CREATE INDEX IF NOT EXISTS traces_by_time ON traces (project_id, time DESC, trace_id);
`;

/** Filter keys and their columns. */
const COLUMNS: Record<keyof TraceFilter, string> = {
  resource_name: 'resource_name',
  trace_name: 'trace_name',
  user: 'user_name',
  trace_rating: 'trace_rating',
  trace_id: 'trace_id',
};

export function openTraceStore(db: Database.Database) {
  db.exec(SCHEMA);
  const insert = db.prepare(`INSERT INTO traces VALUES (@project_id, @trace_id, @time, @trace_name, @trace_rating,
    @read_only, @resource_name, @user_name, @user_id, @access_key_id, @source_ip, @request_id, @code, @response)`);
  const insertAll = db.transaction((rows: TraceRow[]) => rows.forEach((row) => insert.run(row)));
  const byId = db.prepare<[string, string], TraceRow>('SELECT * FROM traces WHERE project_id = ? AND trace_id = ?');
  const any = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM traces WHERE project_id = ? LIMIT 1');
  return {
    insertAll: (rows: TraceRow[]) => insertAll(rows),
    any: (projectId: string) => any.get(projectId) !== undefined,
    /** Newest first, strictly between `from` and `to`, after the trace `next`; one more than asked
     * (so the caller knows whether a page follows). Null when `next` names no trace. */
    page(projectId: string, window: { from: number; to: number }, filter: TraceFilter, next: string | undefined, limit: number) {
      const clauses = ['project_id = ?', 'time > ?', 'time < ?'];
      const values: (string | number)[] = [projectId, window.from, window.to];
      for (const [key, value] of Object.entries(filter) as [keyof TraceFilter, string | undefined][])
        if (value !== undefined) {
          clauses.push(`${COLUMNS[key]} = ?`);
          values.push(value);
        }
      if (next !== undefined) {
        const after = byId.get(projectId, next);
        if (!after) return null;
        clauses.push('(time < ? OR (time = ? AND trace_id > ?))');
        values.push(after.time, after.time, after.trace_id);
      }
      return db
        .prepare<(string | number)[], TraceRow>(`SELECT * FROM traces WHERE ${clauses.join(' AND ')} ORDER BY time DESC, trace_id LIMIT ?`)
        .all(...values, limit + 1);
    },
  };
}
export type TraceStore = ReturnType<typeof openTraceStore>;
