// The response shapes of the five read operations, as the console consumes them. Lenient where
// the live service may add fields, strict where the console depends on a field.
// zod/mini: the same checks as classic zod in a fraction of the browser bundle.
import * as z from 'zod/mini';

/** CSMS timestamps: documented as seconds, sent as milliseconds. See lib/time for display. */
const timestamp = z.int().check(z.nonnegative());
const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(schema);

export const secretStateSchema = z.enum(['ENABLED', 'DISABLED', 'PENDING_DELETE', 'FROZEN']);
export type SecretState = z.infer<typeof secretStateSchema>;

export const secretSchema = z.object({
  id: z.string(),
  name: z.string(),
  // Unknown future states are shown as they come rather than failing the whole page.
  state: z.union([secretStateSchema, z.string()]),
  kms_key_id: optional(z.string()),
  description: optional(z.string()),
  create_time: optional(timestamp),
  update_time: optional(timestamp),
  scheduled_delete_time: optional(timestamp),
  secret_type: optional(z.string()),
  auto_rotation: optional(z.boolean()),
  rotation_period: optional(z.string()),
  rotation_config: optional(z.string()),
  rotation_time: optional(timestamp),
  next_rotation_time: optional(timestamp),
  event_subscriptions: optional(z.array(z.string())),
  enterprise_project_id: optional(z.string()),
  rotation_func_urn: optional(z.string()),
});
export type Secret = z.infer<typeof secretSchema>;

export const pageInfoSchema = z.object({
  next_marker: z.nullish(z.string()),
  previous_marker: z.nullish(z.string()),
  current_count: z.int().check(z.nonnegative()),
});
export type PageInfo = z.infer<typeof pageInfoSchema>;

export const versionMetadataSchema = z.object({
  id: z.string(),
  create_time: optional(timestamp),
  expire_time: z.nullish(timestamp),
  kms_key_id: optional(z.string()),
  secret_name: z.string(),
  version_stages: z._default(z.array(z.string()), []),
});
export type VersionMetadata = z.infer<typeof versionMetadataSchema>;

export const stageSchema = z.object({
  name: z.string(),
  version_id: z.string(),
  update_time: optional(timestamp),
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
      secret_string: optional(z.string()),
      secret_binary: optional(z.string()),
    })
    .check(
      z.refine((v) => (v.secret_string === undefined) !== (v.secret_binary === undefined), {
        message: 'exactly one of secret_string and secret_binary must be set',
      }),
    ),
});
export type SecretVersion = z.infer<typeof showVersionResponseSchema>['version'];

/**
 * An error body in any of the three shapes the cloud uses: CSMS `{error_code, error_msg}`, the
 * gateway's with `request_id`, and KMS-style nested under `error`.
 */
const flatError = z.object({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: optional(z.string()),
});
export const errorBodySchema = z.union([flatError, z.object({ error: flatError })]);
export type ErrorBody = z.infer<typeof flatError>;

export function parseErrorBody(body: unknown): ErrorBody | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  return 'error' in parsed.data ? parsed.data.error : parsed.data;
}
