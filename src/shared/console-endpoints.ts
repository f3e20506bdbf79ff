// Every HTTP endpoint of the console's API, one row each: its method and path, what it takes and
// answers (as types), whether someone must be identified, how many values it reads from the
// person's allowance, what it audits, and the IAM permission a refusal names. The server registers
// each route from its row and applies the gates in one place (src/server/endpoints.ts); the app
// calls every one of them through one client (src/web/api/client.ts). No zod here: the
// app imports this table, and the schemas of the bodies stay on the server.
import type { AuditReport, CompareResult, ConsoleConfig, ProjectOverview, SecretPage, SignedIn, SignInBody } from './console-api.ts';
import { API_PREFIX, CONSOLE_PATHS } from './console-paths.ts';
import { OPERATIONS, permissionOf, type ParamsOf, type ReadOperation } from './operations.ts';
import type { KeyDetailRequest, ResourceInstancesRequest, ResponseOf } from './schemas.ts';
import { PROJECT_VALUE_READS_PATH, VALUE_READS_PATH, type ProjectValueReads, type ValueReads } from './value-reads.ts';

/** What a row writes to the audit trail: a line per value it reads or is told of, a line per
 * session event (sign-in, sign-out), or nothing. */
export type AuditKind = 'per-value' | 'per-session-event' | 'none';

export interface Endpoint<Params = NoParams, Query = NoQuery, Body = undefined, Response = unknown> {
  /** What the app says is loading or failed. */
  name: EndpointName;
  method: 'GET' | 'POST' | 'DELETE';
  /** `{name}` is a path parameter. */
  path: string;
  /** `required`: the gates identify the person (session, proxy header or key pair) first. */
  identity: 'none' | 'required';
  /** Values a request takes from the person's allowance before its handler runs. */
  valueReads: 0 | 1 | 2;
  audit: AuditKind;
  /** The IAM permission a 403 names; none for the console's own refusals. */
  permission?: string;
  /** Types only, never set: what a caller sends and gets. */
  readonly types?: { params: Params; query: Query; body: Body; response: Response };
}

/** The console's own rows, by name (the CSMS reads go by their operation's name). */
export type ConsoleEndpointName =
  'Config' | 'SignIn' | 'SignOut' | 'AuditReport' | 'Overview' | 'SecretPage' | 'Compare' | 'ValueReads' | 'ProjectValueReads';
export type EndpointName = ConsoleEndpointName | ReadOperation;

export type NoParams = Record<never, string>;
export type NoQuery = Record<never, string>;
/** A CSMS read's query: the operation's own rules check it on the server. */
export type ReadQuery = Record<string, string | number | undefined>;

export type AnyEndpoint = Endpoint<unknown, unknown, unknown, unknown>;
export type ParamsOfEndpoint<E> = E extends Endpoint<infer P, unknown, unknown, unknown> ? P : never;
export type QueryOf<E> = E extends Endpoint<unknown, infer Q, unknown, unknown> ? Q : never;
export type BodyOf<E> = E extends Endpoint<unknown, unknown, infer B, unknown> ? B : never;
export type AnswerOf<E> = E extends Endpoint<unknown, unknown, unknown, infer R> ? R : never;

const row =
  <Params = NoParams, Query = NoQuery, Body = undefined, Response = unknown>() =>
  (spec: Omit<Endpoint, 'types'>): Endpoint<Params, Query, Body, Response> =>
    spec;

/** The console's own endpoints. */
export const CONSOLE_ENDPOINTS = {
  Config: row<NoParams, NoQuery, undefined, ConsoleConfig>()({
    name: 'Config',
    method: 'GET',
    path: CONSOLE_PATHS.config,
    identity: 'required',
    valueReads: 0,
    audit: 'none',
  }),
  SignIn: row<NoParams, NoQuery, SignInBody, SignedIn>()({
    name: 'SignIn',
    method: 'POST',
    path: CONSOLE_PATHS.session,
    identity: 'none',
    valueReads: 0,
    audit: 'per-session-event',
  }),
  SignOut: row<NoParams, NoQuery, undefined, void>()({
    name: 'SignOut',
    method: 'DELETE',
    path: CONSOLE_PATHS.session,
    identity: 'none',
    valueReads: 0,
    audit: 'per-session-event',
  }),
  /** A use of a value the server cannot see (a copy or a download): ids only. */
  AuditReport: row<NoParams, NoQuery, AuditReport, void>()({
    name: 'AuditReport',
    method: 'POST',
    path: CONSOLE_PATHS.audit,
    identity: 'required',
    valueReads: 0,
    audit: 'per-value',
  }),
  /** Without the list of secrets there is no overview: a refusal names its permission. */
  Overview: row<{ project_id: string }, { fresh?: '1' }, undefined, ProjectOverview>()({
    name: 'Overview',
    method: 'GET',
    path: `${API_PREFIX}/overview/{project_id}`,
    identity: 'required',
    valueReads: 0,
    audit: 'none',
    permission: permissionOf('ListSecrets'),
  }),
  /** A secret's pages' first reads in one request: ShowSecret as the person, then its key's state
   * and its value reads, which need the secret (or its permission) first. A refusal is ShowSecret's. */
  SecretPage: row<{ project_id: string; secret_name: string }, NoQuery, undefined, SecretPage>()({
    name: 'SecretPage',
    method: 'GET',
    path: `${API_PREFIX}/secret-page/{project_id}/{secret_name}`,
    identity: 'required',
    valueReads: 0,
    audit: 'none',
    permission: permissionOf('ShowSecret'),
  }),
  /** Two values read on the server, only their shapes answered; a refusal names a value read's permission. */
  Compare: row<NoParams, { a: string; b: string }, undefined, CompareResult>()({
    name: 'Compare',
    method: 'GET',
    path: CONSOLE_PATHS.compare,
    identity: 'required',
    valueReads: 2,
    audit: 'per-value',
    permission: permissionOf('ShowSecretVersion'),
  }),
  /** Who read a secret's values through this console (the audit's index). Whoever may read the
   * secret's metadata may see it: a refusal names ShowSecret's permission. */
  ValueReads: row<{ project_id: string; secret_name: string }, { version?: string }, undefined, ValueReads>()({
    name: 'ValueReads',
    method: 'GET',
    path: VALUE_READS_PATH,
    identity: 'required',
    valueReads: 0,
    audit: 'none',
    permission: permissionOf('ShowSecret'),
  }),
  /** Who read any secret's values in a project, in a window (ms; the change feed's): for whoever
   * may list the project's secrets; a refusal names ListSecrets' permission. */
  ProjectValueReads: row<{ project_id: string }, { from: string; to: string }, undefined, ProjectValueReads>()({
    name: 'ProjectValueReads',
    method: 'GET',
    path: PROJECT_VALUE_READS_PATH,
    identity: 'required',
    valueReads: 0,
    audit: 'none',
    permission: permissionOf('ListSecrets'),
  }),
} satisfies Record<ConsoleEndpointName, AnyEndpoint>;

/** The one CSMS read that returns a value: audited, and counted against the allowance. */
export const VALUE_READ = 'ShowSecretVersion' satisfies ReadOperation;

/** The reads sent as a POST carry a body (checked and rebuilt by the server). */
type ReadBody<O extends ReadOperation> = O extends 'ListResourceInstances'
  ? ResourceInstancesRequest
  : O extends 'ListKeyDetail'
    ? KeyDetailRequest
    : undefined;
export type CsmsReadEndpoint<O extends ReadOperation> = Endpoint<ParamsOf<O>, ReadQuery, ReadBody<O>, ResponseOf<O>>;

/** The console's mirror of a CSMS read: `/api` + the CSMS path, one for one. */
export function csmsRead<O extends ReadOperation>(operation: O): CsmsReadEndpoint<O> {
  const isValueRead = operation === VALUE_READ;
  return row<ParamsOf<O>, ReadQuery, ReadBody<O>, ResponseOf<O>>()({
    name: operation,
    method: OPERATIONS[operation].method,
    path: `${API_PREFIX}${OPERATIONS[operation].path}`,
    identity: 'required',
    valueReads: isValueRead ? 1 : 0,
    audit: isValueRead ? 'per-value' : 'none',
    permission: permissionOf(operation),
  });
}

/** A row's path with each parameter percent-encoded. */
export const endpointPath = (endpoint: Pick<Endpoint, 'path'>, params: Record<string, string>) =>
  endpoint.path.replace(/\{([a-z_]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));

/** A row's path as a Fastify route: `{name}` → `:name`. */
export const routePattern = (endpoint: Pick<Endpoint, 'path'>) => endpoint.path.replace(/\{([a-z_]+)\}/g, ':$1');
