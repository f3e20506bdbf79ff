// The overview's sweeps shared by several instances through Redis: a sweep is claimed by one
// instance, published every second while under way (so a request that lands on another instance
// gets the progress so far instead of starting its own sweep), and kept 60 s once finished (unless it could not list the secrets). It
// holds metadata only, never a value. It is a cache: if Redis cannot be reached, each instance
// sweeps for itself, and the overview keeps working.
import { createHash } from 'node:crypto';
import type { ProjectOverview } from '../shared/console-api.ts';
import { KEEP_MS, type SharedSweeps } from './overview.ts';
import { KEY_PREFIX, type SharedRedis } from './redis.ts';

/** A sweep under way is forgotten this long after its last sign of life (its instance stopped). */
const CLAIM_MS = 15_000;
const PUBLISH_EVERY_MS = 1000;

export function redisSweeps(client: SharedRedis): SharedSweeps {
  const name = (kind: string, key: string) => `${KEY_PREFIX}${kind}:${createHash('sha256').update(key).digest('base64url')}`;
  const save = (key: string, overview: ProjectOverview, finishedAt?: number) =>
    client.set(name('overview', key), JSON.stringify({ overview, finishedAt }), 'PX', finishedAt === undefined ? CLAIM_MS : KEEP_MS);
  const ignore = () => {};

  return {
    async kept(key) {
      const text = await client.get(name('overview', key)).catch(() => null);
      return text === null ? null : (JSON.parse(text) as { overview: ProjectOverview; finishedAt?: number });
    },
    async claim(key) {
      const won = await client.set(name('overview-claim', key), '1', 'PX', CLAIM_MS, 'NX').catch(() => 'OK');
      return won === 'OK';
    },
    publish(key, overview) {
      const beat = () => {
        save(key, overview).catch(ignore);
        client.pexpire(name('overview-claim', key), CLAIM_MS).catch(ignore);
      };
      beat();
      const timer = setInterval(beat, PUBLISH_EVERY_MS).unref();
      return {
        finished(at) {
          clearInterval(timer);
          // A sweep that could not list the secrets is not kept, as on an instance alone: the next
          // request, on any instance, asks CSMS again.
          const stored = overview.failed.secrets ? client.del(name('overview', key)) : save(key, overview, at);
          stored.then(() => client.del(name('overview-claim', key))).catch(ignore);
        },
      };
    },
  };
}
