// What a CTS trace says about a secret's stages, taken from the recorded request and response:
// only the version and stage names, never anything else (a recorded CreateSecretVersion request
// can hold the value). The console server applies it to every trace before relaying it.

/** The stages a call put on a version: a stage moved (UpdateSecretStage), or a new version with
 * its stages (CreateSecretVersion, CreateSecret's v1). */
export interface StageChange {
  version_id: string;
  stages: string[];
}

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
  const body = objectOf(response);
  if (!body) return undefined;
  if (traceName === 'UpdateSecretStage') {
    const stage = objectOf(body.stage);
    const [name, version_id] = [nameOf(stage?.name), nameOf(stage?.version_id)];
    return name && version_id ? { version_id, stages: [name] } : undefined;
  }
  if (traceName === 'CreateSecretVersion') {
    const metadata = objectOf(body.version_metadata);
    const version_id = nameOf(metadata?.id);
    return version_id ? { version_id, stages: namesOf(metadata?.version_stages) } : undefined;
  }
  if (traceName === 'CreateSecret' && objectOf(body.secret)) return { version_id: 'v1', stages: ['SYSCURRENT'] };
  return undefined;
}
