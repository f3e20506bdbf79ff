// The response shapes of the five read operations, as the console consumes them. Lenient where
// the live service may add fields, strict where the console depends on a field.
import { z } from 'zod';

/** CSMS timestamps: documented as seconds, sent as milliseconds. See lib/time for display. */
const timestamp = z.number().int().nonnegative();

export const secretStateSchema = z.enum(['ENABLED', 'DISABLED', 'PENDING_DELETE', 'FROZEN']);
export type SecretState = z.infer<typeof secretStateSchema>;

export const secretSchema = z.object({
  id: z.string(),
  name: z.string(),
  // Unknown future states are shown as they come rather than failing the whole page.
  state: z.union([secretStateSchema, z.string()]),
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

export const pageInfoSchema = z.object({
  next_marker: z.string().nullish(),
  previous_marker: z.string().nullish(),
  current_count: z.number().int().nonnegative(),
});
export type PageInfo = z.infer<typeof pageInfoSchema>;

export const versionMetadataSchema = z.object({
  id: z.string(),
  create_time: timestamp.optional(),
  expire_time: timestamp.nullish(),
  kms_key_id: z.string().optional(),
  secret_name: z.string(),
  version_stages: z.array(z.string()).default([]),
});
export type VersionMetadata = z.infer<typeof versionMetadataSchema>;

export const stageSchema = z.object({
  name: z.string(),
  version_id: z.string(),
  update_time: timestamp.optional(),
  secret_name: z.string(),
});
export type Stage = z.infer<typeof stageSchema>;

export const listSecretsResponseSchema = z.object({
  secrets: z.array(secretSchema),
  page_info: pageInfoSchema,
});
export const showSecretResponseSchema = z.object({ secret: secretSchema });
export const listVersionsResponseSchema = z.object({
  version_metadatas: z.array(versionMetadataSchema),
  page_info: pageInfoSchema,
});
export const showStageResponseSchema = z.object({ stage: stageSchema });

/** ShowSecretVersion: the only answer that carries a value; exactly one of the two is set. */
export const showVersionResponseSchema = z.object({
  version: z
    .object({
      version_metadata: versionMetadataSchema,
      secret_string: z.string().optional(),
      secret_binary: z.string().optional(),
    })
    .refine((v) => (v.secret_string === undefined) !== (v.secret_binary === undefined), {
      message: 'exactly one of secret_string and secret_binary must be set',
    }),
});
export type SecretVersion = z.infer<typeof showVersionResponseSchema>['version'];

/**
 * An error body in any of the three shapes the cloud uses: CSMS `{error_code, error_msg}`, the
 * gateway's with `request_id`, and KMS-style nested under `error`.
 */
const flatError = z.object({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: z.string().optional(),
});
export const errorBodySchema = z.union([flatError, z.object({ error: flatError })]);
export type ErrorBody = z.infer<typeof flatError>;

export function parseErrorBody(body: unknown): ErrorBody | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  return 'error' in parsed.data ? parsed.data.error : parsed.data;
}
