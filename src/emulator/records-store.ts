// The emulator's operational records, beside the secrets in the same database: tags, the rotation
// tasks CSMS ran, event subscriptions and the notifications they sent. Plain data access; the
// rules live in records.ts.
import type Database from 'better-sqlite3';

export interface TaskRow {
  project_id: string;
  task_id: string;
  secret_name: string;
  task_status: string;
  task_time: number;
  attempt_nums: number;
  task_error_code: string | null;
  task_error_msg: string | null;
  operate_type: string | null;
  rotation_func_urn: string | null;
}

export interface EventRow {
  project_id: string;
  name: string;
  event_id: string;
  event_types: string;
  state: string;
  target_type: string;
  target_id: string;
  target_name: string;
  create_time: number;
  update_time: number;
}

export interface NotificationRow {
  project_id: string;
  event_name: string;
  trigger_event_type: string;
  create_time: number;
  secret_name: string;
  secret_type: string;
  target_name: string;
  target_id: string;
  content: string;
  status: string;
}

const SCHEMA = `
CREATE INDEX IF NOT EXISTS secrets_by_id ON secrets (project_id, id);
CREATE TABLE IF NOT EXISTS secret_tags (
  project_id TEXT NOT NULL, secret_name TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (project_id, secret_name, key)
);
CREATE TABLE IF NOT EXISTS rotation_tasks (
  project_id TEXT NOT NULL, task_id TEXT NOT NULL, secret_name TEXT NOT NULL,
  task_status TEXT NOT NULL, task_time INTEGER NOT NULL, attempt_nums INTEGER NOT NULL,
  task_error_code TEXT, task_error_msg TEXT, operate_type TEXT, rotation_func_urn TEXT,
  PRIMARY KEY (project_id, task_id)
);
CREATE INDEX IF NOT EXISTS tasks_by_time ON rotation_tasks (project_id, task_time DESC, task_id);
CREATE TABLE IF NOT EXISTS events (
  project_id TEXT NOT NULL, name TEXT NOT NULL, event_id TEXT NOT NULL, event_types TEXT NOT NULL,
  state TEXT NOT NULL, target_type TEXT NOT NULL, target_id TEXT NOT NULL, target_name TEXT NOT NULL,
  create_time INTEGER NOT NULL, update_time INTEGER NOT NULL,
  PRIMARY KEY (project_id, name)
);
CREATE TABLE IF NOT EXISTS notification_records (
  project_id TEXT NOT NULL, event_name TEXT NOT NULL, trigger_event_type TEXT NOT NULL,
  create_time INTEGER NOT NULL, secret_name TEXT NOT NULL, secret_type TEXT NOT NULL,
  target_name TEXT NOT NULL, target_id TEXT NOT NULL, content TEXT NOT NULL, status TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_by_time ON notification_records (project_id, create_time DESC);
`;

export interface TaskFilter {
  secret_name?: string;
  status?: string;
  task_id?: string;
}

/** Tags a secret must carry: each key, with any of its values (no values: any value). */
export interface TagCondition {
  key: string;
  values: string[];
}

/** `%` and `_` are literal in a name search. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function openRecordsStore(db: Database.Database) {
  db.exec(SCHEMA);
  const q = {
    tags: db.prepare<[string, string], { key: string; value: string }>(
      'SELECT key, value FROM secret_tags WHERE project_id = ? AND secret_name = ? ORDER BY key',
    ),
    putTag: db.prepare(`INSERT INTO secret_tags VALUES (?, ?, ?, ?)
      ON CONFLICT (project_id, secret_name, key) DO UPDATE SET value = excluded.value`),
    projectTags: db.prepare<[string], { key: string; value: string }>(
      'SELECT DISTINCT key, value FROM secret_tags WHERE project_id = ? ORDER BY key, value',
    ),
    insertTask: db.prepare(`INSERT INTO rotation_tasks VALUES (@project_id, @task_id, @secret_name, @task_status,
      @task_time, @attempt_nums, @task_error_code, @task_error_msg, @operate_type, @rotation_func_urn)`),
    task: db.prepare<[string, string], TaskRow>('SELECT * FROM rotation_tasks WHERE project_id = ? AND task_id = ?'),
    events: db.prepare<[string, string, number], EventRow>('SELECT * FROM events WHERE project_id = ? AND name > ? ORDER BY name LIMIT ?'),
    event: db.prepare<[string, string], EventRow>('SELECT * FROM events WHERE project_id = ? AND name = ?'),
    insertEvent: db.prepare(`INSERT INTO events VALUES (@project_id, @name, @event_id, @event_types, @state,
      @target_type, @target_id, @target_name, @create_time, @update_time)`),
    records: db.prepare<[string, number], NotificationRow>(
      'SELECT * FROM notification_records WHERE project_id = ? AND create_time >= ? ORDER BY create_time DESC',
    ),
    insertRecord: db.prepare(`INSERT INTO notification_records VALUES (@project_id, @event_name, @trigger_event_type,
      @create_time, @secret_name, @secret_type, @target_name, @target_id, @content, @status)`),
  };

  /** The WHERE clause of a task listing, with its parameters. */
  const taskWhere = (projectId: string, filter: TaskFilter) => {
    const clauses = ['project_id = ?'];
    const values: (string | number)[] = [projectId];
    for (const [column, value] of [
      ['secret_name', filter.secret_name],
      ['task_status', filter.status],
      ['task_id', filter.task_id],
    ] as const)
      if (value !== undefined) {
        clauses.push(`${column} = ?`);
        values.push(value);
      }
    return { where: clauses.join(' AND '), values };
  };

  /** The WHERE clause matching secrets by tags and by a part of their name. */
  const instanceWhere = (projectId: string, tags: TagCondition[], nameContains: string | undefined) => {
    const clauses = ['s.project_id = ?'];
    const values: string[] = [projectId];
    for (const tag of tags) {
      const anyValue = tag.values.length === 0 ? '' : ` AND t.value IN (${tag.values.map(() => '?').join(', ')})`;
      clauses.push(
        `EXISTS (SELECT 1 FROM secret_tags t WHERE t.project_id = s.project_id AND t.secret_name = s.name AND t.key = ?${anyValue})`,
      );
      values.push(tag.key, ...tag.values);
    }
    if (nameContains !== undefined) {
      clauses.push("s.name LIKE ? ESCAPE '\\'");
      values.push(likeLiteral(nameContains));
    }
    return { where: clauses.join(' AND '), values };
  };

  return {
    tags: (projectId: string, secretName: string) => q.tags.all(projectId, secretName),
    putTag: (projectId: string, secretName: string, key: string, value: string) => q.putTag.run(projectId, secretName, key, value),
    /** Every key used in the project, with the values it has. */
    projectTags(projectId: string) {
      const keys = new Map<string, string[]>();
      for (const { key, value } of q.projectTags.all(projectId)) keys.set(key, [...(keys.get(key) ?? []), value]);
      return [...keys].map(([key, values]) => ({ key, values }));
    },
    /** The names of the secrets matching, by name, one page; and how many match in all. */
    secretsByTags(projectId: string, tags: TagCondition[], nameContains: string | undefined, page: { offset: number; limit: number }) {
      const { where, values } = instanceWhere(projectId, tags, nameContains);
      const names = db
        .prepare<(string | number)[], { name: string }>(`SELECT s.name FROM secrets s WHERE ${where} ORDER BY s.name LIMIT ? OFFSET ?`)
        .all(...values, page.limit, page.offset)
        .map((r) => r.name);
      const total = db.prepare<string[], { n: number }>(`SELECT COUNT(*) AS n FROM secrets s WHERE ${where}`).get(...values)?.n ?? 0;
      return { names, total };
    },

    /** A page of rotation tasks, newest first, after the task `marker`; and how many match. */
    tasks(projectId: string, filter: TaskFilter, marker: string | undefined, limit: number) {
      const { where, values } = taskWhere(projectId, filter);
      const after = marker === undefined ? undefined : q.task.get(projectId, marker);
      const page = after
        ? db
            .prepare<(string | number)[], TaskRow>(
              `SELECT * FROM rotation_tasks WHERE ${where} AND (task_time < ? OR (task_time = ? AND task_id > ?)) ORDER BY task_time DESC, task_id LIMIT ?`,
            )
            .all(...values, after.task_time, after.task_time, after.task_id, limit)
        : db
            .prepare<(string | number)[], TaskRow>(`SELECT * FROM rotation_tasks WHERE ${where} ORDER BY task_time DESC, task_id LIMIT ?`)
            .all(...values, limit);
      const total =
        db.prepare<(string | number)[], { n: number }>(`SELECT COUNT(*) AS n FROM rotation_tasks WHERE ${where}`).get(...values)?.n ?? 0;
      return { page, total, markerFound: marker === undefined || after !== undefined };
    },
    insertTask: (row: TaskRow) => q.insertTask.run(row),

    events: (projectId: string, marker: string, limit: number) => q.events.all(projectId, marker, limit),
    event: (projectId: string, name: string) => q.event.get(projectId, name),
    insertEvent: (row: EventRow) => q.insertEvent.run(row),

    notificationRecords: (projectId: string, since: number) => q.records.all(projectId, since),
    insertNotificationRecord: (row: NotificationRow) => q.insertRecord.run(row),
  };
}
export type RecordsStore = ReturnType<typeof openRecordsStore>;
