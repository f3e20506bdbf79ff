// The console's API under /api: a handler for each row of the endpoint table (its own endpoints:
// config, sign-in, audit reports, overview, compare; and the mirror of the CSMS reads). The gates,
// the allowance, the audit and the refusals are applied where they are served (endpoints.ts).
import type { ConsoleConfig } from '../shared/console-api.ts';
import { CONSOLE_ENDPOINTS } from '../shared/console-endpoints.ts';
import type { Credentials } from '../shared/signer.ts';
import type { Audit } from './audit.ts';
import { auditReportHandler } from './audit-route.ts';
import { createIamClient } from './auth/iam-client.ts';
import type { SessionStore } from './auth/sessions.ts';
import { sessionHandlers } from './auth/sign-in.ts';
import { compareHandler } from './compare.ts';
import type { ServerConfig } from './config.ts';
import type { CsmsReader } from './csms-reader.ts';
import type { AnyHandler, Handler } from './endpoints.ts';
import { overviewHandler, type Sweeper } from './overview.ts';
import { csmsReadHandlers } from './proxy.ts';
import type { ValueReadAllowance } from './value-reads.ts';
import type { ValueReadIndex } from './value-read-index.ts';
import { secretPageHandler } from './secret-page-route.ts';
import { projectValueReadsHandler, valueReadsHandler } from './value-reads-route.ts';
import { withLabels } from './project-labels.ts';

export interface ApiOptions {
  config: ServerConfig;
  read: CsmsReader;
  sweeper: Sweeper;
  audit: Audit;
  /** Who read each secret's values, from the audit. */
  valueReads: ValueReadIndex;
  /** The key pair that signs every call (its access key id tells the console's own calls in CTS). */
  credentials?: Credentials;
  /** The key of compare fingerprints. */
  fingerprintKey: Buffer;
  /** With CONSOLE_AUTH=iam. */
  sessions?: SessionStore;
  /** Where sign-in attempts are counted (with CONSOLE_AUTH=iam). */
  signInLimits: { perName: ValueReadAllowance; perAddress: ValueReadAllowance };
}

export function consoleHandlers(opts: ApiOptions): AnyHandler[] {
  const { config } = opts;
  return [
    configHandler(config, opts.credentials),
    ...(config.auth.mode === 'iam' && opts.sessions
      ? sessionHandlers({
          sessions: opts.sessions,
          iam: createIamClient(config.iamEndpoint, config.timeoutMs),
          regions: config.mode === 'emulator' ? null : config.regions.map((r) => r.name),
          audit: opts.audit,
          signInsPerMinute: config.auth.signInsPerMinute,
          limits: opts.signInLimits,
        })
      : []),
    auditReportHandler,
    overviewHandler(opts.sweeper, opts.read),
    secretPageHandler({ read: opts.read, index: opts.valueReads }),
    compareHandler({ read: opts.read, fingerprintKey: opts.fingerprintKey }),
    valueReadsHandler({ read: opts.read, index: opts.valueReads }),
    projectValueReadsHandler({ read: opts.read, index: opts.valueReads }),
    ...csmsReadHandlers(opts.read),
  ];
}

/** GET /api/config: how the console is set up, and what this person may see. */
const configHandler = (config: ServerConfig, credentials: Credentials | undefined): Handler<typeof CONSOLE_ENDPOINTS.Config> => ({
  endpoint: CONSOLE_ENDPOINTS.Config,
  handle: async ({ identity }) => {
    const session = identity.session;
    const body: ConsoleConfig = {
      mode: config.mode,
      auth: config.auth.mode,
      user: session ? { name: session.user, domain: session.domain, expires_at: session.expiresAt } : null,
      projects: identity.projects.map((p) => withLabels(p, config.projectLabels)),
      default_project_id: identity.projects[0]?.id ?? null,
      console_key_id: credentials?.accessKey ?? null,
    };
    return { ok: true, body };
  },
});
