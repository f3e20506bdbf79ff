// What a CTS trace says about a secret's stages, taken from the recorded RESPONSE only: the
// version and stage names, nothing else. The recorded request is never read: a CreateSecretVersion
// request holds the value. The console server applies this to every trace before relaying it.

/** The CSMS operations that move stages: their traces are what the stage history reads. */
export const STAGE_OPERATIONS = [
  'CreateSecret',
  'CreateSecretVersion',
  'UpdateSecretStage',
  'DeleteSecretStage',
  'RotateSecret',
  'RestoreSecret',
] as const;
export type StageOperation = (typeof STAGE_OPERATIONS)[number];
export const isStageOperation = (name: string): name is StageOperation => (STAGE_OPERATIONS as readonly string[]).includes(name);

/**
 * What one successful call did to stages, as far as its recorded response tells:
 * - `created`: CreateSecret, the first version (v1) with SYSCURRENT;
 * - `new-version`: CreateSecretVersion, the new version and the stages it got;
 * - `set`: UpdateSecretStage, one stage put on a version;
 * - `deleted`: DeleteSecretStage (its response names no stage);
 * - `rotated`: RotateSecret, which created a version: its id when the recorded response has it
 *   (the API reference documents `version_id`; older pages documented no answer), stages if named.
 */
export type StageChange =
  | { kind: 'created'; version_id: string }
  | { kind: 'new-version'; version_id: string; stages: string[] }
  | { kind: 'set'; version_id: string; stages: string[] }
  | { kind: 'deleted' }
  | { kind: 'rotated'; version_id?: string; stages: string[] };

const STAGE_OR_VERSION = /^[a-zA-Z0-9_-]{1,64}$/;

function objectOf(recorded: unknown): Record<string, unknown> | undefined {
  let value = recorded;
  if (typeof value === 'string')
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const nameOf = (value: unknown) => (typeof value === 'string' && STAGE_OR_VERSION.test(value) ? value : undefined);
const namesOf = (value: unknown) => (Array.isArray(value) ? value.map(nameOf).filter((n): n is string => n !== undefined) : []);

export function stageChangeOf(traceName: string, response: unknown): StageChange | undefined {
  if (traceName === 'DeleteSecretStage') return { kind: 'deleted' };
  if (traceName === 'RotateSecret') {
    // Documented: { version_id, secret_name, rotation_task_id }; a version_metadata is read too.
    const body = objectOf(response);
    const metadata = objectOf(body?.version_metadata);
    const version_id = nameOf(body?.version_id) ?? nameOf(metadata?.id);
    return version_id ? { kind: 'rotated', version_id, stages: namesOf(metadata?.version_stages) } : { kind: 'rotated', stages: [] };
  }
  const body = objectOf(response);
  if (!body) return undefined;
  if (traceName === 'UpdateSecretStage') {
    const stage = objectOf(body.stage);
    const [name, version_id] = [nameOf(stage?.name), nameOf(stage?.version_id)];
    return name && version_id ? { kind: 'set', version_id, stages: [name] } : undefined;
  }
  if (traceName === 'CreateSecretVersion') {
    const metadata = objectOf(body.version_metadata);
    const version_id = nameOf(metadata?.id);
    return version_id ? { kind: 'new-version', version_id, stages: namesOf(metadata?.version_stages) } : undefined;
  }
  if (traceName === 'CreateSecret' && objectOf(body.secret)) return { kind: 'created', version_id: 'v1' };
  return undefined;
}
