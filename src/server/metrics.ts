// /metrics in Prometheus' text format (prom-client), off unless CONSOLE_METRICS_TOKEN is set, and
// then for that bearer token only. The console's own counters (requests, upstream latency, value
// reads, sign-ins, sessions) and, when it reads with a key pair of its own, each project's and
// each secret's health (metrics-secrets.ts), from the overview's sweep, taken every minute in the
// background: a scrape never calls CSMS.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { OVERVIEW_PARTS, type Project, type ProjectOverview } from '../shared/console-api.ts';
import { CONSOLE_ERRORS } from '../shared/error-codes.ts';
import { projectHealth } from '../shared/project-health.ts';
import { LIMITS } from '../shared/patterns.ts';
import type { AuditEvent } from './audit.ts';
import { sendError } from './errors.ts';
import type { Identity } from './auth/identity.ts';
import { secretMetrics, type ProjectSnapshot } from './metrics-secrets.ts';
import type { Sweeper } from './overview.ts';

export const METRICS_PATH = '/metrics';
const HEALTH_EVERY_MS = 60_000;
/** Looks at another instance's sweep under way, within the minute. */
const SHARED_SWEEP_LOOKS = 25;
const SHARED_SWEEP_LOOK_MS = 2000;

export interface MetricsOptions {
  /** How many sessions are open now, read at each scrape. */
  sessionsOpen?: () => Promise<number>;
  /** Tag keys whose values label each secret's series. */
  tagKeys?: string[];
  /** How people reach the console, for alerts' links (csms_console_info). */
  publicUrl?: string;
  clock?: () => number;
  /** How often the health gauges are refreshed from the sweeps; every minute by default. */
  healthEveryMs?: number;
}

export function createMetrics(opts: MetricsOptions = {}) {
  const { sessionsOpen = async () => 0, clock = Date.now, healthEveryMs = HEALTH_EVERY_MS } = opts;
  /** Each project's last sweep that read its secrets, by project id. */
  const snapshots = new Map<string, ProjectSnapshot>();
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'csms_console_' });
  // Three of prom-client's defaults are gauges named like counters (_total), which promtool refuses.
  for (const name of ['active_handles_total', 'active_requests_total', 'active_resources_total'])
    registry.removeSingleMetric(`csms_console_nodejs_${name}`);
  const m = {
    registry,
    requests: new Counter({
      name: 'csms_console_http_requests_total',
      help: 'Requests answered, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'csms_console_http_request_duration_seconds',
      help: 'Time to answer a request, by route pattern.',
      labelNames: ['route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamSeconds: new Histogram({
      name: 'csms_console_upstream_duration_seconds',
      help: 'Time CSMS took to answer, by operation and status.',
      labelNames: ['operation', 'status'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    valueReads: new Counter({
      name: 'csms_console_value_reads_total',
      help: 'Attempts to read a secret value, by outcome (ok, denied, not-found, rate-limited, invalid, error).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    refusedAttempts: new Counter({
      name: 'csms_console_refused_attempts_total',
      help: 'Attempts refused before anyone was identified (host, start token, cross-site, no session), tallied in the audit per client and minute.',
      registers: [registry],
    }),
    signIns: new Counter({
      name: 'csms_console_sign_ins_total',
      help: 'Sign-in attempts, by outcome.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    auditGaps: new Counter({
      name: 'csms_console_audit_gaps_total',
      help: 'Audit logs found at start without lines their last signed digest covers.',
      registers: [registry],
    }),
    sessions: new Gauge({
      name: 'csms_console_sessions',
      help: 'Sessions open now.',
      registers: [registry],
      async collect() {
        this.set(await sessionsOpen());
      },
    }),
    secrets: new Gauge({
      name: 'csms_secrets',
      help: "A project's secrets, by state.",
      labelNames: ['project', 'region', 'state'],
      registers: [registry],
    }),
    attention: new Gauge({
      name: 'csms_secrets_attention',
      help: "A project's secrets that need attention, by reason: rotation_failed, rotation_overdue, expiring_7d, expiring_30d, pending_deletion.",
      labelNames: ['project', 'region', 'reason'],
      registers: [registry],
    }),
    sweptAt: new Gauge({
      name: 'csms_health_swept_timestamp_seconds',
      help: "When a project's health was last read from CSMS (unix seconds).",
      labelNames: ['project', 'region'],
      registers: [registry],
    }),
    secretsCut: new Gauge({
      name: 'csms_health_secrets_cut',
      help: `A project has more secrets than the console reads (the first ${LIMITS.secretsRead}): 1, and every count of it leaves the rest out.`,
      labelNames: ['project', 'region'],
      registers: [registry],
    }),
    sweepIncomplete: new Gauge({
      name: 'csms_health_parts_missing',
      help: 'Parts of the last sweep that could not be read (1 each): secrets, versions, tasks, notifications, events.',
      labelNames: ['project', 'region', 'part'],
      registers: [registry],
    }),
    sweepErrors: new Counter({
      name: 'csms_health_scrape_errors_total',
      help: 'Sweeps of a project in which a part could not be read: secrets, versions, tasks, notifications, events, tags or keys.',
      labelNames: ['project', 'part'],
      registers: [registry],
    }),
    sweepAge: new Gauge({
      name: 'csms_health_sweep_age_seconds',
      help: "How old the project's data is: seconds since its last sweep that read the secrets began.",
      labelNames: ['project', 'project_id', 'region'],
      registers: [registry],
      collect() {
        this.reset();
        for (const { project, overview } of snapshots.values())
          this.set(
            { project: project.name, project_id: project.id, region: project.region },
            Math.max(0, (clock() - overview.as_of) / 1000),
          );
      },
    }),
  };
  const perSecret = secretMetrics(registry, opts.tagKeys ?? []);
  if (opts.publicUrl)
    new Gauge({
      name: 'csms_console_info',
      help: 'The console (1), with the address people reach it at: alerts link to its pages.',
      labelNames: ['public_url'],
      registers: [registry],
    }).set({ public_url: opts.publicUrl }, 1);

  /** Takes a finished sweep: its failures counted; its data kept unless it could not list the
   * secrets (then the last data stays, ageing, rather than every secret vanishing). */
  function take(project: Project, overview: ProjectOverview) {
    const failedParts = [
      ...OVERVIEW_PARTS.filter((part) => overview.failed[part]),
      ...(overview.tag_labels?.ok === false ? ['tags'] : []),
      ...(Object.values(overview.keys).some((key) => !key.ok) ? ['keys'] : []),
    ];
    for (const part of [...OVERVIEW_PARTS, 'tags', 'keys'])
      m.sweepErrors.inc({ project: project.name, part }, failedParts.includes(part) ? 1 : 0);
    const labels = { project: project.name, region: project.region };
    for (const part of OVERVIEW_PARTS) m.sweepIncomplete.set({ ...labels, part }, overview.failed[part] ? 1 : 0);
    const previous = snapshots.get(project.id)?.overview;
    if (overview.failed.secrets && previous) return;
    // Tags that could not be read this time keep their last values: an alert's labels do not flap.
    const tagLabels = overview.tag_labels?.ok === false && previous?.tag_labels?.ok ? previous.tag_labels : overview.tag_labels;
    snapshots.set(project.id, { project, overview: { ...overview, tag_labels: tagLabels } });
  }

  /** Every project's gauges afresh from the snapshots kept. */
  function draw() {
    const now = clock();
    perSecret.draw(snapshots.values(), now);
    for (const { project, overview } of snapshots.values()) {
      const labels = { project: project.name, region: project.region };
      const health = projectHealth(overview, now);
      for (const [state, n] of Object.entries(health.byState)) m.secrets.set({ ...labels, state }, n);
      const reasons = {
        rotation_failed: health.counts.rotationFailed,
        rotation_overdue: health.counts.rotationOverdue,
        expiring_7d: health.counts.expiringWithin7Days,
        // Within 30 days, as the series has always meant (the overview splits it at 7).
        expiring_30d: health.counts.expiringWithin7Days + health.counts.expiringIn8To30Days,
        expired: health.counts.expired,
        pending_deletion: health.counts.pendingDeletion,
        key_not_enabled: health.counts.keyNotEnabled,
      };
      for (const [reason, n] of Object.entries(reasons)) m.attention.set({ ...labels, reason }, n);
      m.sweptAt.set(labels, Math.floor(overview.as_of / 1000));
      m.secretsCut.set(labels, overview.secrets_cut ? 1 : 0);
    }
  }

  return {
    ...m,
    /** Counts what the audit records: value reads and sign-ins, by outcome. */
    observeAudit(event: AuditEvent) {
      if ('project' in event && (event.action === 'read' || event.action === 'compare')) m.valueReads.inc({ outcome: event.outcome });
      else if (event.action === 'sign-in') m.signIns.inc({ outcome: event.outcome });
      else if (event.action === 'gap') m.auditGaps.inc();
    },
    /** Refreshes the health gauges every minute from each project's sweep, with the console's own
     * key pair: the overview's sweep for that key pair, so a person looking shares it. */
    watchHealth(sweeper: Sweeper, identity: () => Identity) {
      let stopped = false;
      const refresh = async () => {
        const reader = identity();
        const ids = new Set(reader.projects.map((p) => p.id));
        for (const id of snapshots.keys()) if (!ids.has(id)) snapshots.delete(id);
        await Promise.all(reader.projects.map((project) => sweepOne(sweeper, reader, project)));
        draw();
      };
      const sweepOne = async (s: Sweeper, reader: Identity, project: Project) => {
        for (let look = 0; look < SHARED_SWEEP_LOOKS; look++) {
          const sweep = await s.sweep(reader, project.id);
          // Past the console's own cap of sweeps (a very large configuration): the next round.
          if (sweep === 'too-many') return;
          await sweep.done;
          if (sweep.overview.complete) return take(project, sweep.overview);
          // Another instance's sweep, still under way: look again once it has had time to finish.
          await new Promise((resolve) => setTimeout(resolve, SHARED_SWEEP_LOOK_MS).unref());
          if (stopped) return;
        }
      };
      void refresh();
      const timer = setInterval(() => void refresh(), healthEveryMs);
      timer.unref();
      return () => {
        stopped = true;
        clearInterval(timer);
      };
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

/** The endpoint (bearer token only) and the request counters, on the whole server. */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, token: string) {
  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const route = req.routeOptions.url ?? 'not-found';
    metrics.requests.inc({ route, method: req.method, status: reply.statusCode });
    metrics.requestSeconds.observe({ route }, reply.elapsedTime / 1000);
  });
  const expected = Buffer.from(`Bearer ${token}`);
  app.get(METRICS_PATH, { config: { probe: true } }, async (req, reply) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return sendError(
        reply.header('WWW-Authenticate', 'Bearer'),
        401,
        CONSOLE_ERRORS.unauthenticated,
        'Send the metrics token as a bearer token.',
      );
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
