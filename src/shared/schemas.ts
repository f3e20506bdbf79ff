// The answers of the read operations, as the console relays them. The console server validates
// every upstream answer against its schema and passes on only the fields named here (unknown
// fields are dropped), so the browser can trust the shape and needs no validator of its own: it
// imports the types below, never the schemas.
// Lenient where the live service may add values, strict where the console depends on a field.
import { z } from 'zod';
import type { ReadOperation } from './operations.ts';
import { KEY_STATES, LIMITS, SECRET_STATES } from './patterns.ts';
import { stageChangeOf, type StageChange } from './trace-change.ts';

/** CSMS timestamps: documented as seconds, sent as milliseconds (the web shows either). */
const timestamp = z.int().nonnegative();

export const secretSchema = z.object({
  id: z.string(),
  name: z.string(),
  // Unknown future states are shown as they come rather than failing the whole page.
  state: z.union([z.enum(SECRET_STATES), z.string()]),
  kms_key_id: z.string().optional(),
  description: z.string().optional(),
  create_time: timestamp.optional(),
  update_time: timestamp.optional(),
  scheduled_delete_time: timestamp.optional(),
  secret_type: z.string().optional(),
  auto_rotation: z.boolean().optional(),
  rotation_period: z.string().optional(),
  rotation_config: z.string().optional(),
  rotation_time: timestamp.optional(),
  next_rotation_time: timestamp.optional(),
  event_subscriptions: z.array(z.string()).optional(),
  enterprise_project_id: z.string().optional(),
  rotation_func_urn: z.string().optional(),
});
export type Secret = z.infer<typeof secretSchema>;

const pageInfoSchema = z.object({
  next_marker: z.string().nullish(),
  previous_marker: z.string().nullish(),
  current_count: z.int().nonnegative(),
});

export const versionMetadataSchema = z.object({
  id: z.string(),
  create_time: timestamp.optional(),
  expire_time: timestamp.nullish(),
  kms_key_id: z.string().optional(),
  secret_name: z.string(),
  version_stages: z.array(z.string()).default([]),
});
export type VersionMetadata = z.infer<typeof versionMetadataSchema>;

const stageSchema = z.object({
  name: z.string(),
  version_id: z.string(),
  update_time: timestamp.optional(),
  secret_name: z.string(),
});
export type Stage = z.infer<typeof stageSchema>;

/** ShowSecretVersion: the only answer that carries a value; exactly one of the two is set. */
const secretVersionSchema = z
  .object({
    version_metadata: versionMetadataSchema,
    secret_string: z.string().optional(),
    secret_binary: z.string().optional(),
  })
  .refine((v) => (v.secret_string === undefined) !== (v.secret_binary === undefined), {
    message: 'exactly one of secret_string and secret_binary must be set',
  });
export type SecretVersion = z.infer<typeof secretVersionSchema>;

const tagSchema = z.object({ key: z.string(), value: z.string().optional() });
export type Tag = z.infer<typeof tagSchema>;

export const TASK_STATUSES = ['SUCCESS', 'FAILED'] as const;
const taskSchema = z.object({
  task_id: z.string(),
  secret_name: z.string(),
  task_status: z.string(),
  task_time: timestamp.optional(),
  attempt_nums: z.int().nonnegative().optional(),
  task_error_code: z.string().optional(),
  task_error_msg: z.string().optional(),
  operate_type: z.string().optional(),
  rotation_func_urn: z.string().optional(),
});
export type RotationTask = z.infer<typeof taskSchema>;

/** The event types CSMS can notify (SECRET_VERSION_NEAR_EXPIRY appears in its examples too). */
export const EVENT_TYPES = [
  'SECRET_VERSION_CREATED',
  'SECRET_VERSION_EXPIRED',
  'SECRET_VERSION_NEAR_EXPIRY',
  'SECRET_ROTATED',
  'SECRET_DELETED',
  'SECRET_ROTATED_FAILED',
] as const;
const eventSchema = z.object({
  name: z.string(),
  event_id: z.string().optional(),
  event_types: z.array(z.string()),
  state: z.string(),
  create_time: timestamp.optional(),
  update_time: timestamp.optional(),
  notification: z.object({ target_type: z.string(), target_id: z.string(), target_name: z.string() }).optional(),
});
export type SecretEvent = z.infer<typeof eventSchema>;

const notificationRecordSchema = z.object({
  event_name: z.string(),
  trigger_event_type: z.string(),
  create_time: timestamp.optional(),
  secret_name: z.string(),
  secret_type: z.string().optional(),
  notification_target_name: z.string().optional(),
  notification_target_id: z.string().optional(),
  notification_content: z.string().optional(),
  notification_status: z.string(),
});
export type NotificationRecord = z.infer<typeof notificationRecordSchema>;

/**
 * ListResourceInstances' request: secrets whose tags match (every key, any of its values) and
 * whose name contains `matches[].value`; `action: count` counts them. The console server rebuilds
 * the body from these fields only.
 */
export const resourceInstancesRequestSchema = z.strictObject({
  action: z.enum(['filter', 'count']),
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/)
    .refine((v) => Number(v) >= 1 && Number(v) <= LIMITS.pageSizeMax, 'must be 1 to 1000')
    .optional(),
  offset: z
    .string()
    .regex(/^[0-9]{1,4}$/)
    .optional(),
  tags: z
    .array(z.strictObject({ key: z.string().min(1).max(128), values: z.array(z.string().max(255)).max(10) }))
    .min(1)
    .max(10)
    .optional(),
  matches: z
    .array(z.strictObject({ key: z.literal('resource_name'), value: z.string().max(255) }))
    .max(10)
    .optional(),
});
export type ResourceInstancesRequest = z.infer<typeof resourceInstancesRequestSchema>;

/** ListKeyDetail's request: one key, by its id (the console never asks by alias). */
export const keyDetailRequestSchema = z.strictObject({
  key_id: z.string().regex(/^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/, 'must be a KMS key id'),
});
export type KeyDetailRequest = z.infer<typeof keyDetailRequestSchema>;

const keyInfoSchema = z.object({
  key_id: z.string(),
  key_alias: z.string(),
  // A state KMS adds later is shown as it comes rather than failing the read.
  key_state: z.union([z.enum(KEY_STATES), z.string()]),
  key_description: z.string().optional(),
  domain_id: z.string().optional(),
  realm: z.string().optional(),
  default_key_flag: z.string().optional(),
  creation_date: z.string().optional(),
  scheduled_deletion_date: z.string().optional(),
});
export type KeyInfo = z.infer<typeof keyInfoSchema>;

/**
 * A CTS trace: who called which operation, when, from where, and how it ended. Of what CTS
 * recorded of the request and the response only the stage change is kept (trace-change.ts): a
 * recorded request can hold a value, and nothing of it reaches the browser.
 */
const traceSchema = z
  .object({
    trace_id: z.string(),
    trace_name: z.string(),
    trace_rating: z.string().optional(),
    trace_type: z.string().optional(),
    service_type: z.string().optional(),
    resource_type: z.string().optional(),
    resource_name: z.string().optional(),
    resource_id: z.string().optional(),
    source_ip: z.string().optional(),
    request_id: z.string().optional(),
    // The definition says a string; its own example sends a number.
    code: z.union([z.string(), z.number()]).transform(String).optional(),
    message: z.string().optional(),
    read_only: z.boolean().optional(),
    time: timestamp,
    record_time: timestamp.optional(),
    user: z
      .object({
        id: z.string().optional(),
        name: z.string().optional(),
        user_name: z.string().optional(),
        type: z.string().optional(),
        access_key_id: z.string().optional(),
        principal_urn: z.string().optional(),
        domain: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
      })
      .optional(),
    response: z.unknown().optional(),
  })
  .transform(({ response, ...trace }) => {
    const change = stageChangeOf(trace.trace_name, response);
    return change ? { ...trace, change } : trace;
  });
export type Trace = z.output<typeof traceSchema> & { change?: StageChange };

/** The answer schema of each read, keyed like the table of operations. */
export const RESPONSE_SCHEMAS = {
  ListSecrets: z.object({ secrets: z.array(secretSchema), page_info: pageInfoSchema }),
  ShowSecret: z.object({ secret: secretSchema }),
  ListSecretVersions: z.object({ version_metadatas: z.array(versionMetadataSchema), page_info: pageInfoSchema }),
  ShowSecretVersion: z.object({ version: secretVersionSchema }),
  ShowSecretStage: z.object({ stage: stageSchema }),
  ListSecretTask: z.object({ tasks: z.array(taskSchema), next_marker: z.string().nullish(), total: z.int().nonnegative().optional() }),
  ListSecretTags: z.object({ tags: z.array(tagSchema), sys_tags: z.array(tagSchema).nullish() }),
  ListProjectSecretsTags: z.object({ tags: z.array(z.object({ key: z.string(), values: z.array(z.string()) })) }),
  ListResourceInstances: z.object({
    resources: z
      .array(
        z.object({
          resource_id: z.string(),
          resource_name: z.string().optional(),
          resource_detail: secretSchema.optional(),
          tags: z.array(tagSchema).default([]),
        }),
      )
      .default([]),
    total_count: z.int().nonnegative(),
  }),
  ListSecretEvents: z.object({ events: z.array(eventSchema), page_info: pageInfoSchema.optional() }),
  ShowSecretEvent: z.object({ event: eventSchema }),
  ListNotificationRecords: z.object({ records: z.array(notificationRecordSchema), page_info: pageInfoSchema.optional() }),
  ListKeyDetail: z.object({ key_info: keyInfoSchema }),
  ListTraces: z.object({
    traces: z.array(traceSchema),
    meta_data: z.object({ count: z.int().nonnegative().optional(), marker: z.string().nullish() }).optional(),
  }),
} satisfies Record<ReadOperation, z.ZodType>;

/** What a read answers, once checked: `ResponseOf<'ShowSecret'>` is `{secret: Secret}`. */
export type ResponseOf<O extends ReadOperation> = z.output<(typeof RESPONSE_SCHEMAS)[O]>;
