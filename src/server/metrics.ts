// /metrics in Prometheus' text format (prom-client), off unless CONSOLE_METRICS_TOKEN is set, and
// then for that bearer token only. The console's own counters (requests, upstream latency, value
// reads, sign-ins, sessions) and, when it reads with a key pair of its own, each project's secret
// health, from a sweep every minute in the background (a scrape never waits for CSMS).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Project } from '../csms/console-api.ts';
import { CONSOLE_ERRORS } from '../csms/error-codes.ts';
import { projectHealth } from '../csms/health.ts';
import type { AuditEvent } from './audit.ts';
import { sendError } from './errors.ts';
import type { Identity } from './auth/identity.ts';
import type { Sweeper } from './overview.ts';

export const METRICS_PATH = '/metrics';
const HEALTH_EVERY_MS = 60_000;

/** `sessionsOpen`: how many sessions are open now, read at each scrape. */
export function createMetrics(sessionsOpen: () => Promise<number> = async () => 0) {
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
    sweepIncomplete: new Gauge({
      name: 'csms_health_parts_missing',
      help: 'Parts of the last sweep that could not be read (1 each): secrets, versions, tasks, notifications, events.',
      labelNames: ['project', 'region', 'part'],
      registers: [registry],
    }),
  };

  return {
    ...m,
    /** Counts what the audit records: value reads and sign-ins, by outcome. */
    observeAudit(event: AuditEvent) {
      if ('project' in event && (event.action === 'read' || event.action === 'compare')) m.valueReads.inc({ outcome: event.outcome });
      else if (event.action === 'sign-in') m.signIns.inc({ outcome: event.outcome });
    },
    /** Refreshes each project's health gauges every minute, with the console's own key pair. */
    watchHealth(sweeper: Sweeper, identity: () => Identity) {
      const refresh = async () => {
        const reader = identity();
        await Promise.all(reader.projects.map((project) => sweepOne(sweeper, reader, project)));
      };
      const sweepOne = async (s: Sweeper, reader: Identity, project: Project) => {
        const sweep = await s.sweep(reader, project.id);
        // Past the console's own cap of sweeps (a very large configuration): the next round.
        if (sweep === 'too-many') return;
        await sweep.done;
        // Another instance's sweep still under way: its numbers come with the next round.
        if (!sweep.overview.complete) return;
        const labels = { project: project.name, region: project.region };
        const health = projectHealth(sweep.overview, Date.now());
        for (const [state, n] of Object.entries(health.byState)) m.secrets.set({ ...labels, state }, n);
        const reasons = {
          rotation_failed: health.counts.rotationFailed,
          rotation_overdue: health.counts.rotationOverdue,
          expiring_7d: health.counts.expiringWithin7Days,
          expiring_30d: health.counts.expiringWithin30Days,
          pending_deletion: health.counts.pendingDeletion,
        };
        for (const [reason, n] of Object.entries(reasons)) m.attention.set({ ...labels, reason }, n);
        for (const part of ['secrets', 'versions', 'tasks', 'notifications', 'events'] as const)
          m.sweepIncomplete.set({ ...labels, part }, sweep.overview.failed[part] ? 1 : 0);
        m.sweptAt.set(labels, Math.floor(sweep.overview.as_of / 1000));
      };
      void refresh();
      const timer = setInterval(() => void refresh(), HEALTH_EVERY_MS);
      timer.unref();
      return () => clearInterval(timer);
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
