// The answers of the read operations, as the console relays them. The console server validates
// every upstream answer against its schema and passes on only the fields named here (unknown
// fields are dropped), so the browser can trust the shape and needs no validator of its own: it
// imports the types below, never the schemas.
// Lenient where the live service may add values, strict where the console depends on a field.
import { z } from 'zod';
import type { ReadOperation } from './operations.ts';
import { SECRET_STATES } from './patterns.ts';

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

/** The answer schema of each read, keyed like the table of operations. */
export const RESPONSE_SCHEMAS = {
  ListSecrets: z.object({ secrets: z.array(secretSchema), page_info: pageInfoSchema }),
  ShowSecret: z.object({ secret: secretSchema }),
  ListSecretVersions: z.object({ version_metadatas: z.array(versionMetadataSchema), page_info: pageInfoSchema }),
  ShowSecretVersion: z.object({ version: secretVersionSchema }),
  ShowSecretStage: z.object({ stage: stageSchema }),
} satisfies Record<ReadOperation, z.ZodType>;

/** What a read answers, once checked: `ResponseOf<'ShowSecret'>` is `{secret: Secret}`. */
export type ResponseOf<O extends ReadOperation> = z.output<(typeof RESPONSE_SCHEMAS)[O]>;
