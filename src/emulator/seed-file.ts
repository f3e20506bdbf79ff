// The seed file's format (CSMS_EMULATOR_SEED=path/to/seed.json; the built-in demo uses it too):
//
// {
//   "iam": { "domain": "csms-demo", "users": [{ "name": "operator", "password": "…", "projects": ["<32 hex>"],
//              "actions": ["csms:secret:list", "csms:secret:get"] }] },   (actions: all when absent)
//   "projects": [{
//     "id": "<32 hex>", "name": "cn-north-4_production", "region": "cn-north-4",
//     "secrets": [{
//       "name": "db-password", "description": "…", "secret_type": "COMMON",   // + any CreateSecret field
//       "created": "-90d",                        // when v1 was made: "-90d", "-12h", "+5d" or epoch ms
//       "versions": [                             // v1, v2, … in order; the first is CreateSecret's value
//         { "secret_string": "…" },               // or "secret_binary": "<base64>"
//         { "secret_string": "…", "created": "-3d", "expire_time": "-1d", "version_stages": ["CANARY"] }
//       ],
//       "stages": { "ROLLBACK": "v1" },           // UpdateSecretStage after the versions
//       "state": "PENDING_DELETE", "scheduled_delete_time": "+7d"   // optional, default ENABLED
//     }],
//     "keys": [{ "key_id": "<uuid>", "alias": "payments/hsm", "state": "3" }],   // KMS keys a secret's
//                                             // kms_key_id names (state 1-5); csms/default needs none
//     "traces": [{ "operation": "UpdateSecretStage", "secret_name": "db-password", "time": "-2d",
//                  "user": "operator", "version_id": "v2", "stages": ["SYSCURRENT"] }]   // CTS's history
//   }]
// }
import { z } from 'zod';
import { KEY_STATES, NAME_PATTERN, PROJECT_ID_PATTERN, SECRET_STATES, VERSION_ID_PATTERN } from '../shared/patterns.ts';
import { EVENT_TYPES, TASK_STATUSES } from '../shared/schemas.ts';

/** A time: epoch milliseconds, or relative to now: "-30d", "+12h", "-5m". */
export const when = z.union([z.number().int().nonnegative(), z.string().regex(/^[+-][0-9]+[dhm]$/)]);

const seedVersion = z.object({
  secret_string: z.string().optional(),
  secret_binary: z.string().optional(),
  version_stages: z.array(z.string()).optional(),
  expire_time: when.optional(),
  created: when.optional(),
});

const seedSecret = z
  .object({
    name: z.string(),
    created: when.optional(),
    versions: z.array(seedVersion).min(1),
    stages: z.record(z.string(), z.string()).optional(),
    state: z.enum(SECRET_STATES).optional(),
    scheduled_delete_time: when.optional(),
    /** Tags, key → value. */
    tags: z.record(z.string(), z.string()).optional(),
    /** When CSMS last rotated it (with auto_rotation, the next rotation follows). */
    last_rotated: when.optional(),
  })
  .passthrough();

/** A rotation task CSMS ran (CSMS makes these; the API only lists them). */
export const taskSeed = z.object({
  secret_name: z.string().regex(NAME_PATTERN),
  task_status: z.enum(TASK_STATUSES),
  task_time: when.optional(),
  attempt_nums: z.number().int().min(1).max(100).default(1),
  task_error_code: z.string().max(64).optional(),
  task_error_msg: z.string().max(512).optional(),
  operate_type: z.string().max(64).optional(),
});

/** An event subscription (CreateSecretEvent's body). */
const eventSeed = z.object({
  name: z.string().regex(NAME_PATTERN),
  event_types: z.array(z.enum(EVENT_TYPES)),
  state: z.enum(['ENABLED', 'DISABLED']),
  notification: z.object({ target_type: z.literal('SMN'), target_id: z.string(), target_name: z.string() }),
  created: when.optional(),
});

/** A notification CSMS sent for an event (CSMS makes these; the API only lists them). */
export const notificationSeed = z.object({
  event_name: z.string().regex(NAME_PATTERN),
  secret_name: z.string().regex(NAME_PATTERN),
  trigger_event_type: z.enum(EVENT_TYPES),
  notification_status: z.enum(['SUCCESS', 'FAIL', 'INVALID']),
  create_time: when.optional(),
});

/** A call CTS recorded, with its time: the Activity section's history (seeded secrets bring
 * their own creation, version and stage traces; calls made later are recorded as served). */
export const traceSeed = z.object({
  operation: z.enum([
    'CreateSecret',
    'UpdateSecret',
    'CreateSecretVersion',
    'UpdateSecretStage',
    'DeleteSecretStage',
    'ShowSecretVersion',
    'ShowSecret',
  ]),
  secret_name: z.string().regex(NAME_PATTERN),
  time: when,
  /** The IAM user who made the call. */
  user: z.string().min(1).max(64),
  source_ip: z.ipv4().default('10.12.0.8'),
  status: z.number().int().min(200).max(599).default(200),
  /** UpdateSecretStage: where the stage went; CreateSecretVersion: the new version. */
  version_id: z.string().regex(VERSION_ID_PATTERN).optional(),
  /** UpdateSecretStage: the stage (one); CreateSecretVersion: the new version's stages. */
  stages: z.array(z.string().regex(NAME_PATTERN)).optional(),
});
export type TraceSeed = z.infer<typeof traceSeed>;

/** A KMS key: its alias and state (1 pending activation, 2 enabled, 3 disabled, 4 pending deletion, 5 pending import). */
const keySeed = z.object({
  key_id: z.uuid(),
  alias: z.string().min(1).max(255),
  state: z.enum(KEY_STATES),
});

const iamUserSeed = z.object({
  name: z.string().min(1).max(64),
  password: z.string().min(1),
  /** Project ids this user may get tokens for. */
  projects: z.array(z.string().regex(PROJECT_ID_PATTERN)),
  /** CSMS actions the user's policy allows, `*` matching within a segment; all when absent. */
  actions: z.array(z.string().regex(/^[a-z*]+:[A-Za-z*]*:[A-Za-z*]+$/)).optional(),
  /** The user's id (32 hex); random when absent. An MFA sign-in names it. */
  id: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  /** A virtual MFA device (base32 TOTP secret): the user then signs in with password + code. */
  totp_secret: z
    .string()
    .regex(/^[A-Z2-7]{16,64}$/)
    .optional(),
});
export type IamUserSeed = z.infer<typeof iamUserSeed>;

const iamSeed = z.object({ domain: z.string().min(1).max(64), users: z.array(iamUserSeed) });
export type IamSeed = z.infer<typeof iamSeed>;

export const seedFileSchema = z.object({
  /** Optional IAM users who may sign in (POST /v3/auth/tokens) to the listed projects. */
  iam: iamSeed.optional(),
  projects: z.array(
    z.object({
      id: z.string().regex(PROJECT_ID_PATTERN),
      name: z.string().min(1).max(128),
      region: z.string().min(1).max(64),
      secrets: z.array(seedSecret).default([]),
      events: z.array(eventSeed).default([]),
      tasks: z.array(taskSeed).default([]),
      notification_records: z.array(notificationSeed).default([]),
      traces: z.array(traceSeed).default([]),
      keys: z.array(keySeed).default([]),
    }),
  ),
});
export type SeedFile = z.infer<typeof seedFileSchema>;
/** A seed as written (defaults left out): the built-in demo is one. */
export type SeedInput = z.input<typeof seedFileSchema>;
export type SeedProject = Pick<SeedFile['projects'][number], 'id' | 'name' | 'region'>;
