// The CSMS rules, over the store. The HTTP routes and the seed both go through this module, so
// demo data is created exactly as an API client would create it.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { BUILT_IN_STAGES, LIMITS, type SecretState } from '../shared/patterns.ts';
import { CSMS_ERRORS } from '../shared/error-codes.ts';
import type { z } from 'zod';
import type { createSecretBody, createVersionBody, updateSecretBody } from './bodies.ts';
import { rotationPeriodMs, valueOf } from './bodies.ts';
import { CsmsError, invalidRequest, resourceNotFound, secretNotFound } from './errors.ts';
import { createKms } from './kms.ts';
import type { SecretRow, Store, VersionRow } from './store.ts';
import { newDataKey, open, seal } from './vault.ts';

const MAX_SECRETS_PER_PROJECT = 100_000;

/** Write options used by the seed to give demo data a past. */
export interface At {
  at?: number;
}

/** The default KMS key of a project ("csms/default"), as a stable uuid-shaped id. */
export function defaultKeyId(projectId: string): string {
  const h = createHash('sha256').update(`csms/default:${projectId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export type Service = ReturnType<typeof createService>;

export function createService(store: Store, masterKey: Buffer, clock: () => number = Date.now) {
  const kms = createKms(store.kms, defaultKeyId);
  const dataKey = (projectId: string): Buffer => {
    const wrapped = store.projectKey(projectId);
    if (wrapped) return open(masterKey, wrapped, `project:${projectId}`);
    const key = newDataKey();
    store.insertProject(projectId, seal(masterKey, key, `project:${projectId}`));
    return key;
  };
  const place = (pid: string, name: string, n: number) => `${pid}/${name}/v${n}`;

  const mustGetSecret = (pid: string, name: string): SecretRow => {
    const row = store.secret(pid, name);
    if (!row) throw secretNotFound(name);
    return row;
  };
  const mustBeEnabled = (row: SecretRow, action: string) => {
    if (row.state === 'ENABLED') return;
    if (row.state === 'PENDING_DELETE')
      throw new CsmsError(
        400,
        CSMS_ERRORS.scheduledForDeletion,
        `The secret "${row.name}" is scheduled for deletion; ${action} is not allowed.`,
      );
    throw invalidRequest(`The secret "${row.name}" is ${row.state}; ${action} is allowed only on ENABLED secrets.`);
  };

  /** Moves `stage` to version `n`, and only it: "if you add the status tag used by version A to
   * version B, the tag will be moved from version A to version B" (API reference, UpdateSecretStage). */
  const moveStage = (pid: string, name: string, stage: string, n: number, now: number) => {
    const stages = store.stages(pid, name);
    const existing = stages.find((s) => s.name === stage);
    if (!existing && stages.length >= LIMITS.stagesPerSecret)
      throw new CsmsError(400, CSMS_ERRORS.stageLimit, `A secret has at most ${LIMITS.stagesPerSecret} stages.`);
    store.putStage({ project_id: pid, secret_name: name, name: stage, version_number: n, update_time: now });
  };

  const addVersion = (row: SecretRow, body: z.infer<typeof createVersionBody>, now: number) => {
    const value = valueOf(body);
    const versions = store.versions(row.project_id, row.name);
    if (versions.length >= LIMITS.versionsPerSecret)
      throw invalidRequest(`A secret has at most ${LIMITS.versionsPerSecret} versions; "${row.name}" has reached the limit.`);
    const n = (versions[0]?.number ?? 0) + 1;
    const sealed = seal(dataKey(row.project_id), Buffer.from(value.text, 'utf8'), place(row.project_id, row.name, n));
    store.insertVersion({
      project_id: row.project_id,
      secret_name: row.name,
      number: n,
      create_time: now,
      expire_time: body.expire_time ?? null,
      kms_key_id: row.kms_key_id,
      kind: value.kind,
      sealed,
    });
    // "By default, the latest secret version is in SYSCURRENT state. The previous version is in the
    // SYSPREVIOUS state. You can overwrite the default behavior by specifying the VersionStage
    // parameter" (API reference, CreateSecretVersion): SYSPREVIOUS follows when the new version
    // takes SYSCURRENT, unless SYSPREVIOUS itself was given.
    const given = body.version_stages ?? ['SYSCURRENT'];
    const current = store.stages(row.project_id, row.name).find((s) => s.name === 'SYSCURRENT');
    for (const stage of given) moveStage(row.project_id, row.name, stage, n, now);
    if (current && given.includes('SYSCURRENT') && !given.includes('SYSPREVIOUS'))
      moveStage(row.project_id, row.name, 'SYSPREVIOUS', current.version_number, now);
    return n;
  };

  const versionMetadata = (pid: string, name: string) => {
    const stages = store.stages(pid, name);
    return (v: VersionRow) => ({
      id: `v${v.number}`,
      create_time: v.create_time,
      ...(v.expire_time !== null && { expire_time: v.expire_time }),
      kms_key_id: v.kms_key_id,
      secret_name: name,
      version_stages: stages.filter((s) => s.version_number === v.number).map((s) => s.name),
    });
  };

  const findVersion = (pid: string, name: string, ref: string) => {
    const versions = store.versions(pid, name);
    const version = ref === 'latest' ? versions[0] : versions.find((v) => `v${v.number}` === ref);
    if (!version) throw resourceNotFound(`The version "${ref}" of the secret "${name}" does not exist.`);
    return version;
  };

  return {
    kms,
    listSecrets(pid: string, opts: { limit: number; marker?: string; eventName?: string }) {
      // Sorted by name; the marker is the last name of the previous page. One row more than a page
      // says whether another page follows.
      const matching = store.secretsAfter(pid, opts.marker ?? '', opts.limit + 1, opts.eventName);
      const page = matching.slice(0, opts.limit);
      const more = matching.length > opts.limit;
      return {
        secrets: page.map(secretOut),
        page_info: {
          ...(more && { next_marker: page.at(-1)!.name }),
          ...(opts.marker && { previous_marker: opts.marker }),
          current_count: page.length,
        },
      };
    },

    showSecret: (pid: string, name: string) => ({ secret: secretOut(mustGetSecret(pid, name)) }),

    createSecret(pid: string, body: z.infer<typeof createSecretBody>, opts: At = {}) {
      const now = opts.at ?? clock();
      return store.transaction(() => {
        if (store.secret(pid, body.name)) throw invalidRequest(`The secret "${body.name}" already exists.`);
        if (store.countSecrets(pid) >= MAX_SECRETS_PER_PROJECT)
          throw new CsmsError(400, CSMS_ERRORS.secretLimit, `A project has at most ${MAX_SECRETS_PER_PROJECT} secrets.`);
        const period = body.rotation_period ? rotationPeriodMs(body.rotation_period) : null;
        const row: SecretRow = {
          project_id: pid,
          name: body.name,
          id: randomUUID(),
          state: 'ENABLED',
          kms_key_id: body.kms_key_id ?? defaultKeyId(pid),
          description: body.description ?? '',
          secret_type: body.secret_type ?? 'COMMON',
          auto_rotation: body.auto_rotation ? 1 : 0,
          rotation_period: body.rotation_period ?? null,
          rotation_config: body.rotation_config ?? null,
          rotation_time: body.auto_rotation ? now : null,
          next_rotation_time: body.auto_rotation && period ? now + period : null,
          event_subscriptions: JSON.stringify(body.event_subscriptions ?? []),
          enterprise_project_id: body.enterprise_project_id ?? null,
          rotation_func_urn: body.rotation_func_urn ?? null,
          create_time: now,
          update_time: now,
          scheduled_delete_time: null,
        };
        store.insertSecret(row);
        addVersion(row, { secret_string: body.secret_string, secret_binary: body.secret_binary }, now);
        return { secret: secretOut(row) };
      });
    },

    updateSecret(pid: string, name: string, body: z.infer<typeof updateSecretBody>, opts: At = {}) {
      const now = opts.at ?? clock();
      return store.transaction(() => {
        const row = mustGetSecret(pid, name);
        const autoRotation = body.auto_rotation ?? row.auto_rotation === 1;
        const period = body.rotation_period ?? row.rotation_period;
        const periodMs = period ? rotationPeriodMs(period) : null;
        const next: SecretRow = {
          ...row,
          description: body.description ?? row.description,
          kms_key_id: body.kms_key_id ?? row.kms_key_id,
          auto_rotation: autoRotation ? 1 : 0,
          rotation_period: period,
          next_rotation_time: autoRotation && periodMs ? (row.rotation_time ?? now) + periodMs : null,
          event_subscriptions: body.event_subscriptions ? JSON.stringify(body.event_subscriptions) : row.event_subscriptions,
          rotation_func_urn: body.rotation_func_urn ?? row.rotation_func_urn,
          update_time: now,
        };
        store.updateSecret(next);
        return { secret: secretOut(next) };
      });
    },

    /** Not a CSMS operation: the seed and the test-only admin endpoint use it to set a state. */
    setState(pid: string, name: string, state: SecretState, scheduledDeleteTime?: number) {
      return store.transaction(() => {
        const row = mustGetSecret(pid, name);
        const pending = state === 'PENDING_DELETE';
        store.updateSecret({
          ...row,
          state,
          update_time: clock(),
          scheduled_delete_time: pending ? (scheduledDeleteTime ?? clock() + 30 * 86400_000) : null,
        });
        return { secret: secretOut(store.secret(pid, name)!) };
      });
    },

    /** Not a CSMS operation: when the secret was last rotated (the next rotation follows from it).
     * CSMS rotates by itself; the seed and the test-only admin endpoint use this to give it a past. */
    setLastRotation(pid: string, name: string, rotationTime: number) {
      return store.transaction(() => {
        const row = mustGetSecret(pid, name);
        const periodMs = row.rotation_period ? rotationPeriodMs(row.rotation_period) : null;
        const next = row.auto_rotation === 1 && periodMs ? rotationTime + periodMs : null;
        store.updateSecret({ ...row, rotation_time: rotationTime, next_rotation_time: next });
        return { secret: secretOut(store.secret(pid, name)!) };
      });
    },

    listVersions(pid: string, name: string, opts: { limit: number; marker?: string }) {
      mustGetSecret(pid, name);
      // Newest first; the marker is the last version id of the previous page.
      const all = store.versions(pid, name);
      const start = opts.marker ? all.findIndex((v) => `v${v.number}` === opts.marker) + 1 : 0;
      if (opts.marker && start === 0) throw resourceNotFound(`The version "${opts.marker}" does not exist.`);
      const page = all.slice(start, start + opts.limit);
      return {
        version_metadatas: page.map(versionMetadata(pid, name)),
        page_info: {
          ...(start + opts.limit < all.length && { next_marker: `v${page.at(-1)!.number}` }),
          ...(opts.marker && { previous_marker: opts.marker }),
          current_count: page.length,
        },
      };
    },

    showVersion(pid: string, name: string, ref: string) {
      const row = mustGetSecret(pid, name);
      mustBeEnabled(row, 'reading a value');
      const version = findVersion(pid, name, ref);
      kms.mustDecrypt(pid, version.kms_key_id);
      const text = open(dataKey(pid), version.sealed, place(pid, name, version.number)).toString('utf8');
      return {
        version: {
          version_metadata: versionMetadata(pid, name)(version),
          ...(version.kind === 'string' ? { secret_string: text } : { secret_binary: text }),
        },
      };
    },

    createVersion(pid: string, name: string, body: z.infer<typeof createVersionBody>, opts: At = {}) {
      const now = opts.at ?? clock();
      return store.transaction(() => {
        const row = mustGetSecret(pid, name);
        mustBeEnabled(row, 'adding a version');
        const n = addVersion(row, body, now);
        store.updateSecret({ ...row, update_time: now });
        const version = store.versions(pid, name).find((v) => v.number === n)!;
        return { version_metadata: versionMetadata(pid, name)(version) };
      });
    },

    /** RotateSecret: "Creates a new secret version in the specified secret to encrypt and store
     * secret values randomly generated in the background. At the same time, the newly created
     * secret version is marked as SYSCURRENT"; "does not support rotation of common secrets" (API
     * reference, RotateSecret). The new version takes the default stages of CreateSecretVersion,
     * so the old SYSCURRENT gets SYSPREVIOUS. The emulator changes no database password. */
    rotateSecret(pid: string, name: string) {
      const now = clock();
      return store.transaction(() => {
        const row = mustGetSecret(pid, name);
        mustBeEnabled(row, 'rotating it');
        if (row.secret_type === 'COMMON') throw invalidRequest(`RotateSecret does not rotate common secrets; "${name}" is one.`);
        const n = addVersion(row, { secret_string: randomBytes(24).toString('base64url') }, now);
        const periodMs = row.rotation_period ? rotationPeriodMs(row.rotation_period) : null;
        const next = row.auto_rotation === 1 && periodMs ? now + periodMs : null;
        store.updateSecret({ ...row, update_time: now, rotation_time: now, next_rotation_time: next });
        return { version_id: `v${n}`, secret_name: name, rotation_func_urn: row.rotation_func_urn, time: now };
      });
    },

    showStage(pid: string, name: string, stage: string) {
      mustGetSecret(pid, name);
      const row = store.stages(pid, name).find((s) => s.name === stage);
      if (!row) throw resourceNotFound(`The stage "${stage}" of the secret "${name}" does not exist.`);
      return { stage: { name: row.name, version_id: `v${row.version_number}`, update_time: row.update_time, secret_name: name } };
    },

    updateStage(pid: string, name: string, stage: string, versionId: string, opts: At = {}) {
      const now = opts.at ?? clock();
      return store.transaction(() => {
        mustGetSecret(pid, name);
        const version = findVersion(pid, name, versionId);
        moveStage(pid, name, stage, version.number, now);
        return { stage: { name: stage, version_id: `v${version.number}`, update_time: now, secret_name: name } };
      });
    },

    deleteStage(pid: string, name: string, stage: string) {
      store.transaction(() => {
        mustGetSecret(pid, name);
        if ((BUILT_IN_STAGES as readonly string[]).includes(stage))
          throw new CsmsError(400, CSMS_ERRORS.builtInStage, `The built-in stage ${stage} cannot be deleted.`);
        if (store.deleteStage(pid, name, stage).changes === 0)
          throw resourceNotFound(`The stage "${stage}" of the secret "${name}" does not exist.`);
      });
    },
  };
}

export function secretOut(row: SecretRow) {
  const optional = <K extends string, V>(key: K, value: V | null) => (value === null ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    kms_key_id: row.kms_key_id,
    description: row.description,
    create_time: row.create_time,
    update_time: row.update_time,
    ...optional('scheduled_delete_time', row.scheduled_delete_time),
    secret_type: row.secret_type,
    auto_rotation: row.auto_rotation === 1,
    ...optional('rotation_period', row.rotation_period),
    ...optional('rotation_config', row.rotation_config),
    ...optional('rotation_time', row.rotation_time),
    ...optional('next_rotation_time', row.next_rotation_time),
    event_subscriptions: JSON.parse(row.event_subscriptions) as string[],
    ...optional('enterprise_project_id', row.enterprise_project_id),
    ...optional('rotation_func_urn', row.rotation_func_urn),
  };
}
