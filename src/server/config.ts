// The console server's settings, from the environment. Credentials come only from here.
import { z } from 'zod';
import { PROJECT_ID_PATTERN } from '../csms/patterns.ts';

const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CSMS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  CSMS_REGION: z.string().regex(/^[a-z0-9-]{2,32}$/).optional(),
  HUAWEICLOUD_SDK_AK: z.string().min(1).optional(),
  HUAWEICLOUD_SDK_SK: z.string().min(1).optional(),
  HUAWEICLOUD_SDK_PROJECT_ID: z.string().optional(),
  CSMS_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  CONSOLE_AUDIT_LOG: z.string().min(1).optional(),
  CONSOLE_VALUE_READS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  CONSOLE_STATIC_DIR: z.string().min(1).default('dist'),
});

export interface Project {
  id: string;
  name: string;
  region: string;
}

export interface Upstream {
  /** Base URL of the CSMS API, without a trailing slash. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  mode: 'emulator' | 'cloud';
  /** Absent in emulator mode until the embedded emulator has started. */
  upstream?: Upstream;
  projects: Project[];
  timeoutMs: number;
  auditLog?: string;
  valueReadsPerMinute: number;
  staticDir: string;
}

/** `https://kms.cn-north-4.myhuaweicloud.com` → `cn-north-4`. */
export function regionOfEndpoint(endpoint: string): string | undefined {
  return /^kms\.([a-z0-9-]+)\.myhuaweicloud\.com$/.exec(new URL(endpoint).hostname)?.[1];
}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const base = { host: e.HOST, port: e.PORT, timeoutMs: e.CSMS_UPSTREAM_TIMEOUT_MS, auditLog: e.CONSOLE_AUDIT_LOG, valueReadsPerMinute: e.CONSOLE_VALUE_READS_PER_MINUTE, staticDir: e.CONSOLE_STATIC_DIR };
  if (!e.CSMS_ENDPOINT) return { ...base, mode: 'emulator', projects: [] };

  if (!e.HUAWEICLOUD_SDK_AK || !e.HUAWEICLOUD_SDK_SK)
    throw new Error('CSMS_ENDPOINT is set: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are required to sign requests.');
  const region = e.CSMS_REGION ?? regionOfEndpoint(e.CSMS_ENDPOINT);
  if (!region) throw new Error('CSMS_REGION is required when CSMS_ENDPOINT is not https://kms.{region}.myhuaweicloud.com.');
  const ids = (e.HUAWEICLOUD_SDK_PROJECT_ID ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new Error('HUAWEICLOUD_SDK_PROJECT_ID is required: the project (or comma-separated projects) to read.');
  const bad = ids.find((id) => !PROJECT_ID_PATTERN.test(id));
  if (bad) throw new Error(`HUAWEICLOUD_SDK_PROJECT_ID: "${bad}" is not a project id (32 hex characters).`);
  return {
    ...base,
    mode: 'cloud',
    upstream: { endpoint: e.CSMS_ENDPOINT.replace(/\/+$/, ''), accessKey: e.HUAWEICLOUD_SDK_AK, secretKey: e.HUAWEICLOUD_SDK_SK },
    projects: ids.map((id) => ({ id, name: id, region })),
  };
}
