// The console server's settings, from the environment. Credentials come only from here.
import { z } from 'zod';
import type { Project } from '../shared/console-api.ts';
import { tagLabelName } from './metrics-tags.ts';
import { PROJECT_ID_PATTERN } from '../shared/patterns.ts';
import type { Credentials } from '../shared/signer.ts';
import { parseProjectLabels, type ProjectLabels } from './project-labels.ts';
import type { Region } from './routing.ts';
import { parseCidr } from './cidr.ts';
import { readEnv } from '../shared/read-env.ts';

const REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;
const MAX_TAG_LABELS = 5;

/** A comma-separated list of the env, trimmed, empty items dropped. */
const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CSMS_REGIONS: z.string().optional(),
  CSMS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  CSMS_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,32}$/)
    .optional(),
  CSMS_CTS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  CSMS_IAM_ENDPOINT: z.url({ protocol: /^https?$/ }).default('https://iam.myhuaweicloud.com'),
  HUAWEICLOUD_SDK_AK: z.string().min(1).optional(),
  HUAWEICLOUD_SDK_SK: z.string().min(1).optional(),
  HUAWEICLOUD_SDK_SECURITY_TOKEN: z.string().min(1).optional(),
  HUAWEICLOUD_SDK_PROJECT_ID: z.string().optional(),
  CSMS_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  CONSOLE_AUDIT_LOG: z.string().min(1).optional(),
  CONSOLE_AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  CONSOLE_AUDIT_DIGEST_INTERVAL_S: z.coerce.number().int().min(1).max(86_400).default(300),
  CONSOLE_VALUE_READS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  CONSOLE_STATIC_DIR: z.string().min(1).default('dist'),
  CONSOLE_AUTH: z.enum(['none', 'header', 'iam']).default('none'),
  CONSOLE_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  CONSOLE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  CONSOLE_SIGN_INS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  CONSOLE_AUTH_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name')
    .optional(),
  CONSOLE_AUTH_PROXY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CONSOLE_TRUSTED_PROXIES: z.string().optional(),
  CONSOLE_ALLOWED_HOSTS: z.string().optional(),
  CONSOLE_SESSIONS_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  CONSOLE_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  CONSOLE_METRICS_TAG_LABELS: z.string().optional(),
  CONSOLE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  CONSOLE_FRAME_ANCESTORS: z.string().optional(),
  CONSOLE_FINGERPRINT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  CONSOLE_PROJECT_LABELS: z.string().optional(),
});

/** How people reach the console: unauthenticated (loopback), named by an authenticating reverse
 * proxy in a header, or signed in with their own IAM user (the server keeps their tokens). */
export type ConsoleAuth =
  | { mode: 'none' }
  /** The reverse proxy proves itself by its address (trusted proxies) or by a shared secret header. */
  | { mode: 'header'; header: string; proxySecret?: string }
  | { mode: 'iam'; idleMs: number; maxAgeMs: number; signInsPerMinute: number; sessionsPerUser: number };

export interface ServerConfig {
  host: string;
  port: number;
  mode: 'emulator' | 'cloud';
  /** Cloud mode without sign-in: the key pair that signs every request. */
  credentials?: Credentials;
  /** Cloud mode: the CSMS and CTS endpoints of each region. */
  regions: Required<Region>[];
  /** Where projects are discovered when HUAWEICLOUD_SDK_PROJECT_ID is not set. */
  iamEndpoint: string;
  /** Projects named by HUAWEICLOUD_SDK_PROJECT_ID; empty: discovered (cloud) or the emulator's. */
  projects: Project[];
  timeoutMs: number;
  auditLog?: string;
  /** The Ed25519 key that signs the audit digests (PEM or a file); unset: generated next to the log. */
  auditSigningKey?: string;
  /** Seconds between two signed audit digests. */
  auditDigestIntervalS?: number;
  valueReadsPerMinute: number;
  staticDir: string;
  auth: ConsoleAuth;
  /** Addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed; none by default. */
  trustedProxies: string[];
  /** Host names the console answers to besides its own address and the loopback names. */
  allowedHosts: string[];
  /** Turns /metrics on, for this bearer token. */
  metricsToken?: string;
  /** Tag keys whose values label each secret's series in /metrics (`team` → `tag_team`); none by default. */
  metricsTagLabels: string[];
  /** How people reach the console (`https://console.example.com`), for links from alerts. */
  publicUrl?: string;
  /** Origins that may frame the overview pages (a dashboard); none by default. */
  frameAncestors: string[];
  /** The key of compare fingerprints; unset: a new one each start (prints differ across starts
   * and instances). */
  fingerprintKey?: string;
  /** Labels of projects, by id or name ("production" marks its pages). */
  projectLabels: ProjectLabels;
}

/** `https://kms.cn-north-4.myhuaweicloud.com` → `cn-north-4`. */
export function regionOfEndpoint(endpoint: string): string | undefined {
  return /^kms\.([a-z0-9-]+)\.myhuaweicloud\.com$/.exec(new URL(endpoint).hostname)?.[1];
}

/** `CSMS_ENDPOINT_CN_NORTH_4` overrides the CSMS endpoint of cn-north-4; `CSMS_CTS_ENDPOINT_…` its CTS endpoint. */
const overrideName = (prefix: string, region: string) => `${prefix}_${region.toUpperCase().replaceAll('-', '_')}`;

function endpointFrom(env: NodeJS.ProcessEnv, name: string, fallback: string) {
  const value = env[name];
  if (value !== undefined && !z.url({ protocol: /^https?$/ }).safeParse(value).success) throw new Error(`${name}: not an http(s) URL.`);
  return (value ?? fallback).replace(/\/+$/, '');
}

function regionsFrom(e: z.infer<typeof envSchema>, env: NodeJS.ProcessEnv): Required<Region>[] {
  let regions: Region[] = [];
  if (e.CSMS_REGIONS) {
    const names = list(e.CSMS_REGIONS);
    const bad = names.find((n) => !REGION.test(n));
    if (bad) throw new Error(`CSMS_REGIONS: "${bad}" is not a region name such as cn-north-4.`);
    regions = names.map((name) => ({
      name,
      endpoint: endpointFrom(env, overrideName('CSMS_ENDPOINT', name), `https://kms.${name}.myhuaweicloud.com`),
    }));
  } else if (e.CSMS_ENDPOINT) {
    const name = e.CSMS_REGION ?? regionOfEndpoint(e.CSMS_ENDPOINT);
    if (!name) throw new Error('CSMS_REGION is required when CSMS_ENDPOINT is not https://kms.{region}.myhuaweicloud.com.');
    regions = [{ name, endpoint: e.CSMS_ENDPOINT.replace(/\/+$/, '') }];
  }
  if (e.CSMS_CTS_ENDPOINT && regions.length > 1)
    throw new Error('CSMS_CTS_ENDPOINT names one endpoint: with several regions, set CSMS_CTS_ENDPOINT_<REGION> for each instead.');
  return regions.map((r) => ({
    ...r,
    ctsEndpoint:
      e.CSMS_CTS_ENDPOINT?.replace(/\/+$/, '') ??
      endpointFrom(env, overrideName('CSMS_CTS_ENDPOINT', r.name), `https://cts.${r.name}.myhuaweicloud.com`),
  }));
}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const e = readEnv(envSchema, env);
  const trustedProxies = list(e.CONSOLE_TRUSTED_PROXIES);
  const notAddress = trustedProxies.find((p) => !parseCidr(p));
  if (notAddress) throw new Error(`CONSOLE_TRUSTED_PROXIES: "${notAddress}" is not an IP address or CIDR such as 10.0.0.0/8.`);
  const allowedHosts = list(e.CONSOLE_ALLOWED_HOSTS).map((h) => h.toLowerCase());
  const notHost = allowedHosts.find((h) => !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:[0-9]{1,5})?$/.test(h));
  if (notHost) throw new Error(`CONSOLE_ALLOWED_HOSTS: "${notHost}" is not a host name (with an optional :port).`);
  if (e.CONSOLE_AUTH === 'header' && !e.CONSOLE_AUTH_HEADER)
    throw new Error('CONSOLE_AUTH=header needs CONSOLE_AUTH_HEADER: the header in which the reverse proxy names the user.');
  if (e.CONSOLE_AUTH === 'header' && trustedProxies.length === 0 && !e.CONSOLE_AUTH_PROXY_SECRET)
    throw new Error(
      'CONSOLE_AUTH=header trusts the user name the reverse proxy sends, so it must know the proxy: set CONSOLE_TRUSTED_PROXIES (its address) or CONSOLE_AUTH_PROXY_SECRET (a secret the proxy sends as X-Console-Proxy-Secret).',
    );
  const auth: ConsoleAuth =
    e.CONSOLE_AUTH === 'header'
      ? { mode: 'header', header: e.CONSOLE_AUTH_HEADER!.toLowerCase(), proxySecret: e.CONSOLE_AUTH_PROXY_SECRET }
      : e.CONSOLE_AUTH === 'iam'
        ? {
            mode: 'iam',
            idleMs: e.CONSOLE_SESSION_IDLE_MINUTES * 60_000,
            maxAgeMs: e.CONSOLE_SESSION_MAX_HOURS * 3600_000,
            signInsPerMinute: e.CONSOLE_SIGN_INS_PER_MINUTE,
            sessionsPerUser: e.CONSOLE_SESSIONS_PER_USER,
          }
        : { mode: 'none' };
  const metricsTagLabels = list(e.CONSOLE_METRICS_TAG_LABELS);
  const badTag = metricsTagLabels.find((key) => !/^[A-Za-z0-9_.-]{1,64}$/.test(key));
  if (badTag)
    throw new Error(`CONSOLE_METRICS_TAG_LABELS: "${badTag}" is not a tag key this console exports (letters, digits, "_", "-", ".").`);
  const labelNames = metricsTagLabels.map(tagLabelName);
  const clash = metricsTagLabels.find((_, i) => labelNames.indexOf(labelNames[i]!) !== i);
  if (clash) throw new Error(`CONSOLE_METRICS_TAG_LABELS: "${clash}" gives the same label as another key (${tagLabelName(clash)}).`);
  if (metricsTagLabels.length > MAX_TAG_LABELS)
    throw new Error(`CONSOLE_METRICS_TAG_LABELS: at most ${MAX_TAG_LABELS} tag keys (each is a label on every secret's series).`);
  const frameAncestors = (e.CONSOLE_FRAME_ANCESTORS ?? '').split(/[\s,]+/).filter(Boolean);
  const notOrigin = frameAncestors.find((o) => !/^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/i.test(o));
  if (notOrigin) throw new Error(`CONSOLE_FRAME_ANCESTORS: "${notOrigin}" is not an origin such as https://grafana.example.com.`);
  const base = {
    projectLabels: parseProjectLabels(e.CONSOLE_PROJECT_LABELS),
    frameAncestors,
    trustedProxies,
    allowedHosts,
    metricsToken: e.CONSOLE_METRICS_TOKEN,
    metricsTagLabels,
    publicUrl: e.CONSOLE_PUBLIC_URL?.replace(/\/+$/, ''),
    fingerprintKey: e.CONSOLE_FINGERPRINT_KEY,
    auth,
    host: e.HOST,
    port: e.PORT,
    timeoutMs: e.CSMS_UPSTREAM_TIMEOUT_MS,
    auditLog: e.CONSOLE_AUDIT_LOG,
    auditSigningKey: e.CONSOLE_AUDIT_SIGNING_KEY,
    auditDigestIntervalS: e.CONSOLE_AUDIT_DIGEST_INTERVAL_S,
    valueReadsPerMinute: e.CONSOLE_VALUE_READS_PER_MINUTE,
    staticDir: e.CONSOLE_STATIC_DIR,
    iamEndpoint: e.CSMS_IAM_ENDPOINT.replace(/\/+$/, ''),
  };
  const regions = regionsFrom(e, env);
  if (regions.length === 0) return { ...base, mode: 'emulator', regions, projects: [] };
  if (auth.mode === 'iam') {
    // Each person reads with their own tokens; their projects come from IAM at sign-in.
    if (e.HUAWEICLOUD_SDK_AK || e.HUAWEICLOUD_SDK_SK || e.HUAWEICLOUD_SDK_PROJECT_ID)
      throw new Error(
        'CONSOLE_AUTH=iam: every user reads with their own IAM token, so leave HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_PROJECT_ID unset.',
      );
    return { ...base, mode: 'cloud', regions, projects: [] };
  }

  if (!e.HUAWEICLOUD_SDK_AK || !e.HUAWEICLOUD_SDK_SK)
    throw new Error('A CSMS endpoint is configured: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are required to sign requests.');
  const ids = list(e.HUAWEICLOUD_SDK_PROJECT_ID);
  const bad = ids.find((id) => !PROJECT_ID_PATTERN.test(id));
  if (bad) throw new Error(`HUAWEICLOUD_SDK_PROJECT_ID: "${bad}" is not a project id (32 hex characters).`);
  if (ids.length > 0 && regions.length > 1)
    throw new Error(
      'With several regions, leave HUAWEICLOUD_SDK_PROJECT_ID unset: the projects of each region are discovered through IAM.',
    );
  return {
    ...base,
    mode: 'cloud',
    credentials: { accessKey: e.HUAWEICLOUD_SDK_AK, secretKey: e.HUAWEICLOUD_SDK_SK, securityToken: e.HUAWEICLOUD_SDK_SECURITY_TOKEN },
    regions,
    projects: ids.map((id) => ({ id, name: id, region: regions[0]!.name })),
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * Why the server must not start as configured, or null. With real credentials and no console
 * authentication it answers only on loopback: whoever reaches it reads with that key.
 */
export function listenProblem(config: Pick<ServerConfig, 'host' | 'mode' | 'auth'>): string | null {
  if (config.mode !== 'cloud' || config.auth.mode !== 'none' || LOOPBACK.test(config.host)) return null;
  return `HOST=${config.host}: with server credentials the console listens on loopback only (127.0.0.1), since anyone who reaches it reads with those credentials. Set CONSOLE_AUTH=iam (each person signs in with their IAM user), or put it behind an authenticating reverse proxy and set CONSOLE_AUTH=header with CONSOLE_AUTH_HEADER.`;
}
