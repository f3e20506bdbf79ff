// The emulator's SQLite store. Plain data access: the CSMS rules live in service.ts.
// WAL with synchronous=FULL: once a write is acknowledged it is on disk, so it survives kill -9
// (and a power cut).
import { Database } from './sqlite.ts';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { openKmsStore } from './kms.ts';
import { openRecordsStore } from './records-store.ts';
import { openTraceStore } from './trace-store.ts';

export interface SecretRow {
  project_id: string;
  name: string;
  id: string;
  state: string;
  kms_key_id: string;
  description: string;
  secret_type: string;
  auto_rotation: number;
  rotation_period: string | null;
  rotation_config: string | null;
  rotation_time: number | null;
  next_rotation_time: number | null;
  event_subscriptions: string;
  enterprise_project_id: string | null;
  rotation_func_urn: string | null;
  create_time: number;
  update_time: number;
  scheduled_delete_time: number | null;
}

export interface VersionRow {
  project_id: string;
  secret_name: string;
  number: number;
  create_time: number;
  expire_time: number | null;
  kms_key_id: string;
  kind: 'string' | 'binary';
  sealed: Buffer;
}

export interface StageRow {
  project_id: string;
  secret_name: string;
  name: string;
  version_number: number;
  update_time: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY,
  wrapped_data_key BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS secrets (
  project_id TEXT NOT NULL, name TEXT NOT NULL, id TEXT NOT NULL, state TEXT NOT NULL,
  kms_key_id TEXT NOT NULL, description TEXT NOT NULL, secret_type TEXT NOT NULL,
  auto_rotation INTEGER NOT NULL, rotation_period TEXT, rotation_config TEXT,
  rotation_time INTEGER, next_rotation_time INTEGER, event_subscriptions TEXT NOT NULL,
  enterprise_project_id TEXT, rotation_func_urn TEXT,
  create_time INTEGER NOT NULL, update_time INTEGER NOT NULL, scheduled_delete_time INTEGER,
  PRIMARY KEY (project_id, name)
);
CREATE TABLE IF NOT EXISTS versions (
  project_id TEXT NOT NULL, secret_name TEXT NOT NULL, number INTEGER NOT NULL,
  create_time INTEGER NOT NULL, expire_time INTEGER, kms_key_id TEXT NOT NULL,
  kind TEXT NOT NULL, sealed BLOB NOT NULL,
  PRIMARY KEY (project_id, secret_name, number)
);
CREATE TABLE IF NOT EXISTS stages (
  project_id TEXT NOT NULL, secret_name TEXT NOT NULL, name TEXT NOT NULL,
  version_number INTEGER NOT NULL, update_time INTEGER NOT NULL,
  PRIMARY KEY (project_id, secret_name, name)
);
`;

export type Store = ReturnType<typeof openStore>;

/** The database and its -wal/-shm files are the owner's only (SQLite gives them the file's mode). */
function ownerOnly(path: string) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

export function openStore(path: string) {
  if (path !== ':memory:') ownerOnly(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const records = openRecordsStore(db);
  const traces = openTraceStore(db);
  const kms = openKmsStore(db);

  const q = {
    project: db.prepare<[string], { wrapped_data_key: Buffer }>('SELECT wrapped_data_key FROM projects WHERE id = ?'),
    insertProject: db.prepare('INSERT INTO projects (id, wrapped_data_key) VALUES (?, ?)'),
    secret: db.prepare<[string, string], SecretRow>('SELECT * FROM secrets WHERE project_id = ? AND name = ?'),
    secretById: db.prepare<[string, string], SecretRow>('SELECT * FROM secrets WHERE project_id = ? AND id = ?'),
    secretsAfter: db.prepare<[string, string, number], SecretRow>(
      'SELECT * FROM secrets WHERE project_id = ? AND name > ? ORDER BY name LIMIT ?',
    ),
    secretsWithEventAfter: db.prepare<[string, string, string, number], SecretRow>(
      `SELECT * FROM secrets WHERE project_id = ? AND name > ?
        AND EXISTS (SELECT 1 FROM json_each(secrets.event_subscriptions) WHERE value = ?) ORDER BY name LIMIT ?`,
    ),
    countSecrets: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM secrets WHERE project_id = ?'),
    insertSecret: db.prepare(`INSERT INTO secrets VALUES (@project_id, @name, @id, @state,
      @kms_key_id, @description, @secret_type, @auto_rotation, @rotation_period, @rotation_config,
      @rotation_time, @next_rotation_time, @event_subscriptions, @enterprise_project_id,
      @rotation_func_urn, @create_time, @update_time, @scheduled_delete_time)`),
    updateSecret: db.prepare(`UPDATE secrets SET state = @state, kms_key_id = @kms_key_id,
      description = @description, auto_rotation = @auto_rotation, rotation_period = @rotation_period,
      rotation_time = @rotation_time, next_rotation_time = @next_rotation_time,
      event_subscriptions = @event_subscriptions, rotation_func_urn = @rotation_func_urn,
      update_time = @update_time, scheduled_delete_time = @scheduled_delete_time
      WHERE project_id = @project_id AND name = @name`),
    versions: db.prepare<[string, string], VersionRow>(
      'SELECT * FROM versions WHERE project_id = ? AND secret_name = ? ORDER BY number DESC',
    ),
    insertVersion: db.prepare(`INSERT INTO versions VALUES (@project_id, @secret_name, @number,
      @create_time, @expire_time, @kms_key_id, @kind, @sealed)`),
    stages: db.prepare<[string, string], StageRow>('SELECT * FROM stages WHERE project_id = ? AND secret_name = ? ORDER BY name'),
    putStage: db.prepare(`INSERT INTO stages VALUES (@project_id, @secret_name, @name,
      @version_number, @update_time) ON CONFLICT (project_id, secret_name, name)
      DO UPDATE SET version_number = excluded.version_number, update_time = excluded.update_time`),
    deleteStage: db.prepare('DELETE FROM stages WHERE project_id = ? AND secret_name = ? AND name = ?'),
  };

  return {
    /** Runs `fn` in one transaction: all of it is stored, or none. */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    projectKey: (projectId: string) => q.project.get(projectId)?.wrapped_data_key,
    insertProject: (projectId: string, wrapped: Buffer) => q.insertProject.run(projectId, wrapped),
    secret: (projectId: string, name: string) => q.secret.get(projectId, name),
    secretById: (projectId: string, id: string) => q.secretById.get(projectId, id),
    /** A page of a project's secrets by name after `marker`; only those subscribed to `event`, if given. */
    secretsAfter: (projectId: string, marker: string, limit: number, event?: string) =>
      event === undefined ? q.secretsAfter.all(projectId, marker, limit) : q.secretsWithEventAfter.all(projectId, marker, event, limit),
    countSecrets: (projectId: string) => q.countSecrets.get(projectId)?.n ?? 0,
    insertSecret: (row: SecretRow) => q.insertSecret.run(row),
    updateSecret: (row: SecretRow) => q.updateSecret.run(row),
    versions: (projectId: string, secretName: string) => q.versions.all(projectId, secretName),
    insertVersion: (row: VersionRow) => q.insertVersion.run(row),
    stages: (projectId: string, secretName: string) => q.stages.all(projectId, secretName),
    putStage: (row: StageRow) => q.putStage.run(row),
    deleteStage: (projectId: string, secretName: string, stage: string) => q.deleteStage.run(projectId, secretName, stage),
    records,
    traces,
    kms,
    close: () => db.close(),
  };
}
