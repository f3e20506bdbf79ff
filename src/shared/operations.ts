// The one table of CSMS operations: method, path template, the pattern of every path parameter,
// the query each read accepts, and the IAM action it needs. The web app's API paths, the console
// server's proxy allowlist and the emulator's routes are all built from it, so adding a read is
// one entry here, its response schema in schemas.ts, and its handler in the emulator.
// No zod here: the browser imports this table and must not carry a validator.
import { LIMITS, NAME_PATTERN, PROJECT_ID_PATTERN, UUID_PATTERN, VERSION_ID_PATTERN, VERSION_REF_PATTERN } from './patterns.ts';

/** A path parameter: its pattern, and how a person would describe a valid one. */
interface ParamRule {
  pattern: RegExp;
  what: string;
}

export const PARAMS = {
  project_id: { pattern: PROJECT_ID_PATTERN, what: 'a project id (32 hex characters)' },
  secret_name: { pattern: NAME_PATTERN, what: 'a secret name (1-64 letters, digits, "_" or "-")' },
  version_id: { pattern: VERSION_REF_PATTERN, what: 'a version id (v1, v2, … or latest)' },
  stage_name: { pattern: NAME_PATTERN, what: 'a stage name (1-64 letters, digits, "_" or "-")' },
  secret_id: { pattern: UUID_PATTERN, what: "a secret's id (a uuid)" },
  event_name: { pattern: NAME_PATTERN, what: 'an event name (1-64 letters, digits, "_" or "-")' },
} as const satisfies Record<string, ParamRule>;
export type ParamName = keyof typeof PARAMS;

/** Why a path parameter is refused, or null when it matches its pattern. */
export function checkParam(name: ParamName, value: unknown): string | null {
  const rule = PARAMS[name];
  if (typeof value === 'string' && rule.pattern.test(value)) return null;
  return `Invalid ${name}: expected ${rule.what}.`;
}

/** A query parameter a read accepts. */
interface QueryRule {
  pattern: RegExp;
  what: string;
  /** Further check of a value that matches the pattern. */
  valid?: (value: string) => boolean;
  /** Required by the service itself, or only by the console (which asks for less than it may). */
  required?: 'service' | 'console';
}

const pageSize: QueryRule = {
  pattern: /^[0-9]{1,4}$/,
  what: `a whole number from 1 to ${LIMITS.pageSizeMax}`,
  valid: (v) => Number(v) >= 1 && Number(v) <= LIMITS.pageSizeMax,
};
/** A time in milliseconds since 1970, as CTS takes it (13 digits). */
const millis: QueryRule = { pattern: /^[0-9]{13}$/, what: 'a time in milliseconds (13 digits)' };
const nameRule: QueryRule = { pattern: NAME_PATTERN, what: 'a name (1-64 letters, digits, "_" or "-")' };
const uuidRule: QueryRule = { pattern: UUID_PATTERN, what: 'an id (a uuid)' };

interface OperationSpec {
  /** The service that answers; CSMS unless said. CTS has its own endpoint; KMS shares CSMS's. */
  service?: 'cts' | 'kms';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template; `{name}` is a path parameter of PARAMS. */
  path: string;
  /**
   * The IAM action the call needs, as Huawei's identity policies name it (the API reference's
   * authorization section of each operation); `alias`: its name in role/policy-based
   * authorization, where it differs. The emulator allows a call when a policy grants either.
   */
  action: string;
  alias?: string;
  /** A read the console forwards (its query's rules are READ_QUERIES'). A read sent as a POST
   * (ListResourceInstances, ListKeyDetail) has its body checked by the console server. */
  read?: true;
  /** A further permission the call needs, said with the action when it is refused. */
  alsoNeeds?: string;
}

export const OPERATIONS = {
  ListSecrets: {
    method: 'GET',
    path: '/v1/{project_id}/secrets',
    action: 'csms:secret:list',
    read: true,
  },
  ShowSecret: { method: 'GET', path: '/v1/{project_id}/secrets/{secret_name}', action: 'csms:secret:get', read: true },
  ListSecretVersions: {
    method: 'GET',
    path: '/v1/{project_id}/secrets/{secret_name}/versions',
    action: 'csms:secret:listVersion',
    read: true,
  },
  /** The only read that returns a value. */
  ShowSecretVersion: {
    method: 'GET',
    path: '/v1/{project_id}/secrets/{secret_name}/versions/{version_id}',
    action: 'csms:secret:getVersion',
    alsoNeeds: 'kms:cmk:decryptDataKey',
    read: true,
  },
  ShowSecretStage: {
    method: 'GET',
    path: '/v1/{project_id}/secrets/{secret_name}/stages/{stage_name}',
    action: 'csms:secret:getStage',
    read: true,
  },
  /** Rotation tasks: CSMS records each rotation it ran, and how it ended. */
  ListSecretTask: {
    method: 'GET',
    path: '/v1/{project_id}/csms/tasks',
    action: 'csms::listTasks',
    alias: 'csms:task:list',
    read: true,
  },
  /** One secret's tags, by the secret's id (not its name). */
  ListSecretTags: {
    method: 'GET',
    path: '/v1/{project_id}/csms/{secret_id}/tags',
    action: 'csms:secret:listTags',
    alias: 'csms:tag:getBySecret',
    read: true,
  },
  /** Every tag key of the project's secrets, with the values used. */
  ListProjectSecretsTags: {
    method: 'GET',
    path: '/v1/{project_id}/csms/tags',
    action: 'csms::listProjectTags',
    alias: 'csms:tag:getAll',
    read: true,
  },
  /** Secrets by tag (and name): a POST that only reads. Its action is not documented; the
   * console names the one that lists secrets. */
  ListResourceInstances: {
    method: 'POST',
    path: '/v1/{project_id}/csms/resource_instances/action',
    action: 'csms:secret:list',
    read: true,
  },
  ListSecretEvents: {
    method: 'GET',
    path: '/v1/{project_id}/csms/events',
    action: 'csms::listEvents',
    alias: 'csms:event:list',
    read: true,
  },
  ShowSecretEvent: {
    method: 'GET',
    path: '/v1/{project_id}/csms/events/{event_name}',
    action: 'csms::getEvent',
    alias: 'csms:event:get',
    read: true,
  },
  /** What CSMS notified, for the last three months. */
  ListNotificationRecords: {
    method: 'GET',
    path: '/v1/{project_id}/csms/notification-records',
    action: 'csms::listNotificationRecords',
    alias: 'csms:event:listNotificationRecords',
    read: true,
  },
  /** CTS, Huawei Cloud's audit service: who called which CSMS operation, when, from where, with
   * what result (7 days kept). The console asks for CSMS's management traces only. */
  ListTraces: {
    service: 'cts',
    method: 'GET',
    path: '/v3/{project_id}/traces',
    action: 'cts:trace:list',
    read: true,
  },
  /** KMS: one key's alias and state (a disabled key, or one pending deletion, makes the values
   * it protects unreadable). A POST that only reads. */
  ListKeyDetail: {
    service: 'kms',
    method: 'POST',
    path: '/v1.0/{project_id}/kms/describe-key',
    action: 'kms:cmk:get',
    read: true,
  },
  CreateSecret: { method: 'POST', path: '/v1/{project_id}/secrets', action: 'csms:secret:create' },
  UpdateSecret: { method: 'PUT', path: '/v1/{project_id}/secrets/{secret_name}', action: 'csms:secret:update' },
  CreateSecretVersion: { method: 'POST', path: '/v1/{project_id}/secrets/{secret_name}/versions', action: 'csms:secret:createVersion' },
  UpdateSecretStage: {
    method: 'PUT',
    path: '/v1/{project_id}/secrets/{secret_name}/stages/{stage_name}',
    action: 'csms:secret:updateStage',
  },
  DeleteSecretStage: {
    method: 'DELETE',
    path: '/v1/{project_id}/secrets/{secret_name}/stages/{stage_name}',
    action: 'csms:secret:deleteStage',
  },
  RotateSecret: { method: 'POST', path: '/v1/{project_id}/secrets/{secret_name}/rotate', action: 'csms:secret:rotate' },
  CreateSecretTag: {
    method: 'POST',
    path: '/v1/{project_id}/csms/{secret_id}/tags',
    action: 'csms:secret:createTag',
    alias: 'csms:tag:create',
  },
  CreateSecretEvent: { method: 'POST', path: '/v1/{project_id}/csms/events', action: 'csms::createEvent', alias: 'csms:event:create' },
} as const satisfies Record<string, OperationSpec>;

/** The query each read accepts (anything else is refused): the server's and the emulator's, kept
 * apart from the table so that the browser, which builds its paths from the table, does not carry
 * the rules. */
export const READ_QUERIES = {
  ListSecrets: { limit: pageSize, marker: nameRule, event_name: nameRule },
  ShowSecret: {},
  ListSecretVersions: { limit: pageSize, marker: { pattern: VERSION_ID_PATTERN, what: 'a version id such as v3' } },
  ShowSecretVersion: {},
  ShowSecretStage: {},
  ListSecretTask: {
    secret_name: nameRule,
    status: { pattern: /^(SUCCESS|FAILED)$/, what: 'SUCCESS or FAILED' },
    task_id: uuidRule,
    limit: pageSize,
    marker: uuidRule,
  },
  ListSecretTags: {},
  ListProjectSecretsTags: {},
  ListResourceInstances: {},
  ListSecretEvents: { limit: pageSize, marker: { pattern: /^[a-zA-Z0-9._-]{1,64}$/, what: 'an event name' } },
  ShowSecretEvent: {},
  ListNotificationRecords: {},
  ListTraces: {
    trace_type: { pattern: /^system$/, what: 'system (management traces)', required: 'service' },
    service_type: { pattern: /^CSMS$/, what: 'CSMS', required: 'console' },
    limit: { pattern: /^[0-9]{1,3}$/, what: 'a whole number from 1 to 200', valid: (v) => Number(v) >= 1 && Number(v) <= 200 },
    from: millis,
    to: millis,
    next: { pattern: /^[A-Za-z0-9._:-]{10,50}$/, what: "the marker of the previous page's answer" },
    resource_name: nameRule,
    resource_id: uuidRule,
    trace_name: { pattern: /^[A-Za-z][A-Za-z0-9._-]{0,99}$/, what: 'an operation name such as UpdateSecretStage' },
    user: { pattern: /^[\p{L}\p{N} ._@-]{1,64}$/u, what: 'a user name' },
    trace_rating: { pattern: /^(normal|warning|incident)$/, what: 'normal, warning or incident' },
  },
  ListKeyDetail: {},
} as const satisfies Record<ReadOperation, Record<string, QueryRule>>;

export type OperationName = keyof typeof OPERATIONS;
/** The operations the console reads through its proxy. */
export type ReadOperation = { [K in OperationName]: (typeof OPERATIONS)[K] extends { read: true } ? K : never }[OperationName];
// Pure: a bundle that does not use the list (the browser's) leaves it out.
export const READ_OPERATIONS = /* @__PURE__ */ (Object.keys(OPERATIONS) as OperationName[]).filter(
  (name): name is ReadOperation => 'read' in OPERATIONS[name],
);

type ParamsIn<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | ParamsIn<Rest> : never;
/** The path parameters of an operation, e.g. `{project_id, secret_name}` for ShowSecret. */
export type ParamsOf<O extends OperationName> = Record<ParamsIn<(typeof OPERATIONS)[O]['path']> & ParamName, string>;

/** The names of an operation's path parameters, in order. */
export function paramNames(operation: OperationName): ParamName[] {
  return [...OPERATIONS[operation].path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] as ParamName);
}

/** The operation's path with each parameter percent-encoded: `/v1/{pid}/secrets/db`. */
export const operationPath = <O extends OperationName>(operation: O, params: ParamsOf<O>): string => fillPath(operation, params);

/** The same, for parameters gathered at run time (each one checked by the caller). */
export function fillPath(operation: OperationName, params: Partial<Record<ParamName, string>>): string {
  return OPERATIONS[operation].path.replace(/\{([a-z_]+)\}/g, (_, name: ParamName) => encodeURIComponent(params[name]!));
}

/** The operation's path as a Fastify route (`/v1/:project_id/secrets`), under an optional prefix. */
export function routeOf(operation: OperationName, prefix = ''): string {
  return `${prefix}${OPERATIONS[operation].path.replace(/\{([a-z_]+)\}/g, ':$1')}`;
}

/** The permission a refused call needs, in words: `csms::listTasks (role-based: csms:task:list)`. */
export function permissionOf(operation: OperationName): string {
  const spec: OperationSpec = OPERATIONS[operation];
  const named = spec.alias ? `${spec.action} (role-based: ${spec.alias})` : spec.action;
  return spec.alsoNeeds ? `${named} (and ${spec.alsoNeeds})` : named;
}

/** The service that answers an operation. */
export const serviceOf = (operation: OperationName): 'csms' | 'cts' | 'kms' => (OPERATIONS[operation] as OperationSpec).service ?? 'csms';

/** The IAM actions that allow an operation: its identity-policy action and its alias. */
export function actionsOf(operation: OperationName): string[] {
  const spec: OperationSpec = OPERATIONS[operation];
  return spec.alias ? [spec.action, spec.alias] : [spec.action];
}

/** Checks a read's query against its rules, as the console or the service itself does: the
 * checked copy, or why it is refused. */
export function checkQuery(
  operation: ReadOperation,
  query: Record<string, unknown>,
  checker: 'console' | 'service' = 'console',
): { query: Record<string, string> } | { problem: string } {
  const rules: Record<string, QueryRule> = READ_QUERIES[operation];
  const checked: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    // Own keys only: `__proto__` or `constructor` must not find a rule on Object.prototype.
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (!rule) return { problem: `Unknown query parameter "${key}".` };
    if (typeof value !== 'string' || !rule.pattern.test(value) || (rule.valid && !rule.valid(value)))
      return { problem: `Invalid value for the query parameter "${key}": expected ${rule.what}.` };
    checked[key] = value;
  }
  const missing = Object.entries(rules).find(
    ([key, rule]) =>
      (rule.required === 'service' || (rule.required === 'console' && checker === 'console')) && !Object.hasOwn(checked, key),
  );
  if (missing) return { problem: `The query parameter "${missing[0]}" is required: expected ${missing[1].what}.` };
  return { query: checked };
}
