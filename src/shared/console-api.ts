// The console server's own API, beside the CSMS mirror: what /api/config answers, what a sign-in
// and an audit report send. The server validates the bodies with these schemas; the app imports
// only their types (it must not carry a validator).
import { z } from 'zod';
import { NAME_PATTERN, PROJECT_ID_PATTERN, VERSION_ID_PATTERN } from './patterns.ts';
import type { NotificationRecord, RotationTask, Secret, SecretEvent, VersionMetadata } from './schemas.ts';
import type { VersionOrStageRef } from './value-ref.ts';
import type { ValueReads } from './value-reads.ts';
import type { KeyDiff, ValueShape } from './value-shape.ts';

export interface Project {
  id: string;
  name: string;
  region: string;
  /** Words the operator gave it (CONSOLE_PROJECT_LABELS): "production" marks every page of it. */
  labels?: string[];
}

/** GET /api/config: how the console is set up, and what this person may see. */
export interface ConsoleConfig {
  mode: 'emulator' | 'cloud';
  /** How people reach the console; `iam`: each signs in, and `user` is who. */
  auth: 'none' | 'header' | 'iam';
  user: { name: string; domain: string; expires_at: number } | null;
  projects: Project[];
  default_project_id: string | null;
  /** The access key id the server signs with (an id, never the secret key): CTS names the
   * console's own calls with it, and Activity hides them by default. */
  console_key_id: string | null;
}

/** POST /api/session: an IAM user's account, name and password, or a token the user already has. */
export const signInBodySchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('password'),
    domain: z.string().trim().min(1).max(64),
    user: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(128),
    /** A user whose API sign-in needs a virtual MFA device: their IAM user id and the 6-digit code. */
    mfa: z.optional(z.strictObject({ user_id: z.string().regex(/^[0-9a-f]{32}$/), passcode: z.string().regex(/^[0-9]{6}$/) })),
  }),
  z.strictObject({ method: z.literal('token'), token: z.string().regex(/^[A-Za-z0-9+/=_-]{16,24576}$/) }),
]);
export type SignInBody = z.infer<typeof signInBodySchema>;

/** What a sign-in answers: who signed in, and the projects they may open. */
export interface SignedIn {
  user: string;
  domain: string;
  projects: Project[];
}

/** POST /api/audit: a use of a value the server cannot see (a copy or a download). Ids only. */
export const auditReportSchema = z.strictObject({
  action: z.enum(['copy', 'download']),
  project_id: z.string().regex(PROJECT_ID_PATTERN),
  secret_name: z.string().regex(NAME_PATTERN),
  version_id: z.string().regex(VERSION_ID_PATTERN),
});
export type AuditReport = z.infer<typeof auditReportSchema>;

/** A part of the overview that could not be read, and why (the permission it needs, when refused). */
export interface OverviewPartError {
  status: number;
  code: string;
  message: string;
  request_id?: string;
  permission?: string;
}

/** A KMS key as the sweep read it (ListKeyDetail): key_state "1" pending activation, "2" enabled,
 * "3" disabled, "4" pending deletion, "5" pending import; or why it could not be read. */
export type KmsKeyState =
  | { ok: true; key_id: string; key_alias: string; key_state: '1' | '2' | '3' | '4' | '5' }
  | ({ ok: false; key_id: string } & OverviewPartError);

export const OVERVIEW_PARTS = ['secrets', 'versions', 'tasks', 'notifications', 'events'] as const;
export type OverviewPart = (typeof OVERVIEW_PARTS)[number];

/** GET /api/secret-page/{project_id}/{secret_name}: what a secret's pages show first, in one
 * request: the secret (ShowSecret as the person, whose refusal is the answer), then, read on the
 * server once the secret is known, its KMS key's state and who read its values through the console. */
export interface SecretPage {
  secret: Secret;
  /** Absent when the secret names no KMS key. */
  key?: KmsKeyState;
  /** Absent when the console's index of value reads did not answer: the page asks it on its own. */
  value_reads?: ValueReads;
}

/** GET /api/overview/{project_id}: a sweep of the project, partial until `complete`. Never a value. */
export interface ProjectOverview {
  project_id: string;
  /** When the sweep began (ms): what the data is as of. */
  as_of: number;
  complete: boolean;
  /** Secrets whose versions have been read, of all. */
  progress: { checked: number; total: number };
  secrets: Secret[];
  /** True: the project has more secrets than the console reads (LIMITS.secretsRead); `secrets`
   * holds the first ones, and every count leaves the rest out. */
  secrets_cut: boolean;
  versions: Record<string, VersionMetadata[]>;
  /** Only when the console exports tags as metric labels (CONSOLE_METRICS_TAG_LABELS): each
   * secret's value of those tag keys (secret → key → value), or why the tags could not be read. */
  tag_labels?: { ok: true; values: Record<string, Record<string, string>> } | ({ ok: false } & OverviewPartError);
  tasks: RotationTask[];
  notifications: NotificationRecord[];
  events: SecretEvent[];
  /** Each KMS key the project's secrets name, read once per sweep, by key id. */
  keys: Record<string, KmsKeyState>;
  /** The parts that failed; a part absent here was read (or is being read). */
  failed: Partial<Record<OverviewPart, OverviewPartError>>;
}

/** One side of GET /api/compare?a=&b= (project/secret/version-or-stage each): what the server
 * could tell about its value without sending it, or why it could not be read. */
export type CompareSide =
  | ({
      ok: true;
      ref: VersionOrStageRef;
      /** The version read (a stage or `latest` resolved). */
      version_id: string;
      version_stages: string[];
      create_time?: number;
      /** HMAC-SHA256 of the value under a key only the server holds: equal values, equal prints
       * (within this console), and nothing else. 8 hex characters. */
      fingerprint: string;
    } & ValueShape)
  | ({ ok: false; ref: VersionOrStageRef; permission?: string } & OverviewPartError);

export interface CompareResult {
  a: CompareSide;
  b: CompareSide;
  /** Null when a side could not be read. */
  equal: boolean | null;
  /** Both JSON objects: key by key. */
  keys?: KeyDiff[];
}
