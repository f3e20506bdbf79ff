// The CSMS naming rules. Both the emulator and the console check every path parameter against
// these before doing anything with it.

/** Secret and stage names. */
export const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
/** A concrete version id (`v1` … `v9999999999`). */
export const VERSION_ID_PATTERN = /^v[0-9]{1,10}$/;
/** A version id as a path parameter: a concrete id or `latest`. */
export const VERSION_REF_PATTERN = /^(?:v[0-9]{1,10}|latest)$/;
/** Ids CSMS gives (secrets, events, rotation tasks): a lowercase uuid. */
export const UUID_PATTERN = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/;
/** Project ids are 32 hex characters; the definitions allow up to 64. */
export const PROJECT_ID_PATTERN = /^[0-9a-f]{32,64}$/;

export const BUILT_IN_STAGES = ['SYSCURRENT', 'SYSPREVIOUS'] as const;

/** The states of a secret; only an ENABLED secret's values can be read. */
export const SECRET_STATES = ['ENABLED', 'DISABLED', 'PENDING_DELETE', 'FROZEN'] as const;
export type SecretState = (typeof SECRET_STATES)[number];

export const LIMITS = {
  versionsPerSecret: 20,
  stagesPerSecret: 12,
  valueLength: 32768,
  pageSizeMax: 1000,
  pageSizeDefault: 50,
  /** The most secrets of one project the console reads (the list, its tags, the overview's
   * sweep); past it, what it shows says it is partial. */
  secretsRead: 20_000,
} as const;

/** Why a secret or stage name is refused, in words a person can act on; null when it is fine. */
export function nameProblem(value: string, what = 'Secret name'): string | null {
  if (value.length === 0) return `${what} is required.`;
  if (value.length > 64) return `${what} is at most 64 characters (this one has ${value.length}).`;
  if (!NAME_PATTERN.test(value)) return `${what} may contain only letters, digits, "_" and "-".`;
  return null;
}

/** KMS key states: 1 pending activation, 2 enabled, 3 disabled, 4 pending deletion, 5 pending import.
 * Only an enabled key decrypts. */
export const KEY_STATES = ['1', '2', '3', '4', '5'] as const;
export type KeyStateCode = (typeof KEY_STATES)[number];
export const KEY_ENABLED = '2' satisfies KeyStateCode;
export const isKeyState = (state: string): state is KeyStateCode => (KEY_STATES as readonly string[]).includes(state);

/** A record's own entry, never one it inherits: a secret may be named "constructor" or "__proto__". */
export const ownEntry = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
