// Request bodies of the write operations, checked as the definitions in csms-openapi/ describe.
import { z } from 'zod';
import { LIMITS, NAME_PATTERN, VERSION_ID_PATTERN } from '../shared/patterns.ts';
import { EVENT_TYPES } from '../shared/schemas.ts';
import { invalidBody, invalidParameter } from './errors.ts';

const UUID = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const value = {
  secret_string: z.string().max(LIMITS.valueLength).optional(),
  secret_binary: z.string().max(LIMITS.valueLength).regex(BASE64, 'must be base64').optional(),
};
const stageName = z.string().regex(NAME_PATTERN, 'must match ^[a-zA-Z0-9_-]{1,64}$');
const rotation = {
  auto_rotation: z.boolean().optional(),
  rotation_period: z.string().max(50).optional(),
  rotation_func_urn: z.string().max(512).optional(),
  event_subscriptions: z.array(z.string().max(32)).max(1).optional(),
  description: z.string().max(2048).optional(),
};

export const createSecretBody = z.object({
  name: z.string().regex(NAME_PATTERN, 'must match ^[a-zA-Z0-9_-]{1,64}$'),
  ...value,
  ...rotation,
  kms_key_id: z.string().regex(UUID, 'must be a KMS key id (uuid)').optional(),
  secret_type: z.enum(['COMMON', 'RDS-FG', 'GaussDB-FG']).optional(),
  rotation_config: z.string().max(1024).optional(),
  enterprise_project_id: z.string().min(1).max(36).optional(),
});

export const createVersionBody = z.object({
  ...value,
  version_stages: z.array(stageName).max(LIMITS.stagesPerSecret).optional(),
  expire_time: z.number().int().min(0).max(9999999999999).optional(),
});

export const updateSecretBody = z.object({
  ...rotation,
  kms_key_id: z.string().regex(UUID, 'must be a KMS key id (uuid)').optional(),
});

export const updateStageBody = z.object({
  version_id: z.string().regex(VERSION_ID_PATTERN, 'must be a version id such as v1'),
});

/** Checks a parsed JSON body; any problem becomes CSMS.0004 (shape) or CSMS.0002 (a field). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidBody('The request body must be a JSON object.');
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  throw invalidParameter(`Invalid value for ${field}: ${issue.message}.`);
}

/** Exactly one of the two value fields must be given. */
export function valueOf(body: { secret_string?: string; secret_binary?: string }) {
  if ((body.secret_string === undefined) === (body.secret_binary === undefined))
    throw invalidParameter('Exactly one of secret_string and secret_binary must be given.');
  return body.secret_string !== undefined
    ? { kind: 'string' as const, text: body.secret_string }
    : { kind: 'binary' as const, text: body.secret_binary! };
}

/** "30d" or "12h", between 6 hours and 8760 hours (one year). */
export function rotationPeriodMs(period: string): number {
  const match = /^([0-9]{1,4})([dh])$/.exec(period);
  const hours = match ? Number(match[1]) * (match[2] === 'd' ? 24 : 1) : NaN;
  if (!(hours >= 6 && hours <= 8760)) throw invalidParameter('rotation_period must be like "30d" or "12h", from 6h to 8760h.');
  return hours * 3600_000;
}

export const createTagBody = z.object({
  tag: z.object({
    key: z
      .string()
      .min(1)
      .max(128)
      .refine((k) => !k.startsWith('_sys_'), 'must not start with _sys_ (system tags)'),
    value: z.string().max(255).default(''),
  }),
});

export const createEventBody = z.object({
  name: z.string().regex(NAME_PATTERN, 'must match ^[a-zA-Z0-9_-]{1,64}$'),
  event_types: z
    .array(z.enum(EVENT_TYPES))
    .max(12)
    .refine((types) => new Set(types).size === types.length, 'must not repeat a type'),
  state: z.enum(['ENABLED', 'DISABLED']),
  notification: z.object({
    target_type: z.literal('SMN'),
    target_id: z.string().regex(/^[a-zA-Z0-9\-._:]{1,256}$/, 'must be an SMN topic URN'),
    target_name: z.string().regex(NAME_PATTERN, 'must match ^[a-zA-Z0-9_-]{1,64}$'),
  }),
});
