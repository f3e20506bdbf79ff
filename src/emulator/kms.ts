// KMS's part of the emulator: the keys that encrypt the secrets, each with an alias and a state
// (1 pending activation, 2 enabled, 3 disabled, 4 pending deletion, 5 pending import). Every
// project has its default key `csms/default`, enabled unless set otherwise. Only an enabled key
// decrypts: CSMS reading a value under any other key fails with KMS's code (KMS API reference,
// "Error Code": KMS.0209 disabled, KMS.0210 pending deletion; the other states are inferred).
import type Database from 'better-sqlite3';
import { isKeyState, KEY_ENABLED, type KeyStateCode } from '../shared/patterns.ts';
import { CsmsError } from './errors.ts';

export const DEFAULT_KEY_ALIAS = 'csms/default';
export const KMS_ERRORS = { keyNotFound: 'KMS.0207', keyDisabled: 'KMS.0209', keyPendingDeletion: 'KMS.0210' } as const;

export interface KeyRow {
  project_id: string;
  key_id: string;
  alias: string;
  state: KeyStateCode;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS kms_keys (
  project_id TEXT NOT NULL, key_id TEXT NOT NULL, alias TEXT NOT NULL, state TEXT NOT NULL,
  PRIMARY KEY (project_id, key_id)
);`;

export function openKmsStore(db: Database.Database) {
  db.exec(SCHEMA);
  const get = db.prepare<[string, string], KeyRow>('SELECT * FROM kms_keys WHERE project_id = ? AND key_id = ?');
  const put = db.prepare(`INSERT INTO kms_keys VALUES (@project_id, @key_id, @alias, @state)
    ON CONFLICT (project_id, key_id) DO UPDATE SET alias = excluded.alias, state = excluded.state`);
  return { get: (projectId: string, keyId: string) => get.get(projectId, keyId), put: (row: KeyRow) => put.run(row) };
}
export type KmsStore = ReturnType<typeof openKmsStore>;

/** The keys of a project: the default key (by its id) and those set by the seed or a test. */
export function createKms(store: KmsStore, defaultKeyId: (projectId: string) => string) {
  const find = (projectId: string, keyId: string): KeyRow | undefined =>
    store.get(projectId, keyId) ??
    (keyId === defaultKeyId(projectId)
      ? { project_id: projectId, key_id: keyId, alias: DEFAULT_KEY_ALIAS, state: KEY_ENABLED }
      : undefined);
  const mustFind = (projectId: string, keyId: string) => {
    const key = find(projectId, keyId);
    if (!key) throw new CsmsError(400, KMS_ERRORS.keyNotFound, `The key ${keyId} does not exist.`);
    return key;
  };
  return {
    /** ListKeyDetail's answer. */
    describe(projectId: string, keyId: string) {
      const key = mustFind(projectId, keyId);
      return {
        key_info: {
          key_id: key.key_id,
          key_alias: key.alias,
          key_state: key.state,
          key_description: key.alias === DEFAULT_KEY_ALIAS ? 'Default key of CSMS' : '',
          default_key_flag: key.alias === DEFAULT_KEY_ALIAS ? '1' : '0',
          key_spec: 'AES_256',
          key_usage: 'ENCRYPT_DECRYPT',
          origin: 'kms',
          scheduled_deletion_date: '',
        },
      };
    },
    /** Throws KMS's refusal unless the key can decrypt. */
    mustDecrypt(projectId: string, keyId: string) {
      const key = mustFind(projectId, keyId);
      if (key.state === KEY_ENABLED) return;
      if (key.state === '4')
        throw new CsmsError(
          400,
          KMS_ERRORS.keyPendingDeletion,
          `The key ${key.alias} is in the Pending deletion status and cannot be used.`,
        );
      throw new CsmsError(400, KMS_ERRORS.keyDisabled, `The key ${key.alias} has been disabled and cannot be used.`);
    },
    /** Not a KMS read: the seed and the test-only admin endpoint make keys and set their states. */
    put(projectId: string, keyId: string, alias: string, state: string) {
      if (!isKeyState(state)) throw new CsmsError(400, 'KMS.0204', `Unknown key state ${state}.`);
      store.put({ project_id: projectId, key_id: keyId, alias, state });
      return this.describe(projectId, keyId);
    },
  };
}
export type Kms = ReturnType<typeof createKms>;
