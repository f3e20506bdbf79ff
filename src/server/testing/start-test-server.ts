// A console server on a free loopback port in front of a given upstream.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Project } from '../../shared/console-api.ts';
import type { Credentials } from '../../shared/signer.ts';
import { buildConsoleServer } from '../app.ts';
import type { ServerConfig } from '../config.ts';
import type { Dependency } from '../health.ts';
import { fixedProjects } from '../projects.ts';
import { readAuditLog } from './audit-log.ts';
import { singleRouting, type Routing } from '../routing.ts';
import { memoryStartTokens, type StartTokens } from '../auth/start-token.ts';
import type { Stores } from '../stores.ts';

/** A CSMS endpoint and the key pair that signs for it. */
export interface Upstream extends Credentials {
  endpoint: string;
}

type Options = {
  auth?: ServerConfig['auth'];
  timeoutMs?: number;
  projects?: Project[];
  staticDir?: string;
  valueReadsPerMinute?: number;
  routing?: Routing;
  regions?: { name: string; endpoint: string }[];
  clock?: () => number;
  /** `cloud`: projects are kept to `regions` (sign-in); the default serves any project. */
  mode?: ServerConfig['mode'];
  trustedProxies?: string[];
  frameAncestors?: string[];
  metricsToken?: string;
  metricsTagLabels?: string[];
  publicUrl?: string;
  allowedHosts?: string[];
  /** The server's key pair, when it differs from the upstream's (none: the user's own tokens). */
  credentials?: Credentials | null;
  startToken?: string;
  /** Start tokens kept elsewhere (Redis), instead of `startToken`. */
  startTokens?: StartTokens;
  dependencies?: Dependency[];
  auditLog?: string;
  /** Redis, for the tests of several instances; unset: memory. */
  stores?: Stores;
  instance?: string;
  fingerprintKey?: string;
  /** The request log, at this level, into `logLines()`. */
  logLevel?: string;
};

export async function startTestServer(upstream: Upstream, opts: Options = {}) {
  const auditLog = opts.auditLog ?? join(mkdtempSync(join(tmpdir(), 'console-audit-')), 'audit.log');
  const config: ServerConfig = {
    auth: opts.auth ?? { mode: 'none' as const },
    host: '127.0.0.1',
    port: 0,
    mode: opts.mode ?? 'emulator',
    regions: (opts.regions ?? []).map((r) => ({ ctsEndpoint: r.endpoint, ...r })),
    iamEndpoint: upstream.endpoint,
    projects: [],
    projectLabels: new Map(),
    timeoutMs: opts.timeoutMs ?? 2000,
    auditLog,
    valueReadsPerMinute: opts.valueReadsPerMinute ?? 1000,
    // A one-page app of its own, so no test depends on a build being there.
    staticDir: opts.staticDir ?? join(import.meta.dirname, 'static'),
    trustedProxies: opts.trustedProxies ?? [],
    frameAncestors: opts.frameAncestors ?? [],
    metricsToken: opts.metricsToken,
    metricsTagLabels: opts.metricsTagLabels ?? [],
    publicUrl: opts.publicUrl,
    allowedHosts: opts.allowedHosts ?? [],
    fingerprintKey: opts.fingerprintKey,
  };
  const { endpoint: _endpoint, ...credentials } = upstream;
  const logLines: string[] = [];
  const app = buildConsoleServer(config, {
    routing: opts.routing ?? singleRouting(upstream.endpoint),
    projects: fixedProjects(opts.projects ?? []),
    credentials: opts.credentials === null ? undefined : (opts.credentials ?? credentials),
    clock: opts.clock,
    startTokens: opts.startTokens ?? (opts.startToken ? memoryStartTokens(opts.startToken) : undefined),
    stores: opts.stores,
    instance: opts.instance,
    dependencies: opts.dependencies,
    ...(opts.logLevel && { logLevel: opts.logLevel, logStream: { write: (line: string) => void logLines.push(line) } }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  /** GET as the app does (with the console header). */
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { headers: { 'x-console-request': '1', ...headers } });
  return { app, url, auditLog, auditLines: () => readAuditLog(auditLog), logLines, get, close: () => app.close() };
}
