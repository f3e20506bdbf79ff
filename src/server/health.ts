// Probes for load balancers and orchestrators: /healthz (the process answers) and /readyz (each
// dependency answers, with its latency: the upstreams, and Redis when instances share it; 503 once
// the instance is stopping). They name no endpoint and no secret; they answer any host name and
// need no sign-in (route config `probe`), since a load balancer names an instance by its address.
// Readiness is measured at most every few seconds, however often it is asked.
import type { FastifyInstance } from 'fastify';
import { request } from 'undici';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A probe route: answered without host, proxy or start-token checks. */
    probe?: boolean;
  }
}

export interface Dependency {
  /** What it is, e.g. "csms cn-north-4" or "redis". */
  name: string;
  /** Resolves when it answers; rejects with the reason it does not. */
  check(): Promise<void>;
}

/** An HTTP upstream answers when it sends any HTTP status at all. */
export const httpDependency = (name: string, url: string, timeoutMs: number): Dependency => ({
  name,
  async check() {
    const res = await request(url, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
    await res.body.dump();
  },
});

const CACHE_MS = 5000;

/** `stopping`: a stopping instance takes no new work, so the load balancer sends it elsewhere. */
export function registerHealth(app: FastifyInstance, dependencies: Dependency[], stopping: () => boolean) {
  let last: { at: number; status: number; body: unknown } | undefined;
  const probe = { config: { probe: true } };

  app.get('/healthz', probe, async () => ({ status: 'ok' }));
  app.get('/readyz', probe, async (_req, reply) => {
    if (stopping()) return reply.code(503).send({ status: 'stopping', checks: [] });
    if (!last || Date.now() - last.at > CACHE_MS) {
      const checks = await Promise.all(
        dependencies.map(async (dependency) => {
          const started = performance.now();
          try {
            await dependency.check();
            return { name: dependency.name, ok: true, latency_ms: Math.round(performance.now() - started) };
          } catch (error) {
            // The error's code only: a message could name the endpoint.
            return { name: dependency.name, ok: false, error: String((error as { code?: unknown }).code ?? 'unreachable').slice(0, 64) };
          }
        }),
      );
      const ready = checks.every((c) => c.ok);
      last = { at: Date.now(), status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not-ready', checks } };
    }
    return reply.code(last.status).send(last.body);
  });
}
