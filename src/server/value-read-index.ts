// Who read a secret's values, and when: an index of the audit's value-read lines, filled as the
// audit writes them (one more observer of the audit), so a secret's page can show them without
// reading the log. Bounded: the newest reads of each secret, for a bounded number of secrets. The
// signed audit log stays the authority; the index only points at it (instance, request id). Kept
// in this process's memory (one instance), or in Redis (every instance's reads, shared).
import type { ValueRead, ValueReads } from '../shared/value-reads.ts';
import type { AuditEvent } from './audit.ts';
import { KEY_PREFIX, stored, type SharedRedis } from './redis.ts';

/** Reads kept a secret (newest), and secrets kept (the least recently read dropped first). */
export const INDEX_LIMITS = { perSecret: 200, secrets: 10_000 } as const;

export interface ValueReadIndex {
  /** An audit observer: indexes the lines that say a value was read (served, or reported copied). */
  observe(event: AuditEvent): void;
  /** A secret's reads, newest first; of one version when `version` is given. */
  list(project: string, secret: string, version?: string): Promise<ValueReads>;
}

/** The audit lines that mean a value reached someone: a read the server served, or a copy or
 * download the app reported. Refused attempts stay in the audit log only. */
function indexed(event: AuditEvent, time: number, instance: string): { key: string; read: ValueRead } | null {
  if (!('project' in event) || (event.outcome !== 'ok' && event.outcome !== 'reported') || !event.secret || !event.version) return null;
  const { who, action, version, requestId } = event;
  return {
    key: keyOf(event.project, event.secret),
    read: { time, who, action, version, instance, ...(requestId && { request_id: requestId }) },
  };
}

const keyOf = (project: string, secret: string) => `${project}/${secret}`;
const ofVersion = (reads: ValueRead[], version?: string) => (version ? reads.filter((r) => r.version === version) : reads);

export function memoryValueReadIndex(instance: string, clock: () => number = Date.now): ValueReadIndex {
  const since = clock();
  const bySecret = new Map<string, ValueRead[]>();
  return {
    observe(event) {
      const found = indexed(event, clock(), instance);
      if (!found) return;
      const { key, read } = found;
      const reads = [read, ...(bySecret.get(key) ?? [])].slice(0, INDEX_LIMITS.perSecret);
      // Re-inserted, so the map's order is least recently read first.
      bySecret.delete(key);
      bySecret.set(key, reads);
      if (bySecret.size > INDEX_LIMITS.secrets) bySecret.delete(bySecret.keys().next().value!);
    },
    async list(project, secret, version) {
      const reads = bySecret.get(keyOf(project, secret)) ?? [];
      return { reads: ofVersion(reads, version), since, scope: 'instance', kept: INDEX_LIMITS.perSecret };
    },
  };
}

const LIST = `${KEY_PREFIX}value-read-index:`;
const SECRETS = `${KEY_PREFIX}value-read-index-secrets`;
const SINCE = `${KEY_PREFIX}value-read-index-since`;

// KEYS: the secret's list, the set of lists by last read, the index's start. ARGV: the read, the
// reads kept a secret, the secrets kept, the time. One step, so two instances never over-fill it.
const ADD = `
redis.call('SET', KEYS[3], ARGV[4], 'NX')
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
redis.call('ZADD', KEYS[2], ARGV[4], KEYS[1])
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if over > 0 then
  for _, list in ipairs(redis.call('ZRANGE', KEYS[2], 0, over - 1)) do redis.call('DEL', list) end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
end
return 1`;

/** `onError`: told when a read could not be indexed (Redis away); the audit line is written anyway. */
export function redisValueReadIndex(
  client: SharedRedis,
  instance: string,
  onError: (message: string) => void,
  clock: () => number = Date.now,
): ValueReadIndex {
  client.defineCommand('csmsIndexValueRead', { numberOfKeys: 3, lua: ADD });
  const add = (client as unknown as { csmsIndexValueRead(...args: (string | number)[]): Promise<number> }).csmsIndexValueRead.bind(client);
  // The start is set by the first read indexed; until then, the index is as old as this instance.
  const started = clock();
  return {
    observe(event) {
      const found = indexed(event, clock(), instance);
      if (!found) return;
      const { key, read } = found;
      add(LIST + key, SECRETS, SINCE, JSON.stringify(read), INDEX_LIMITS.perSecret, INDEX_LIMITS.secrets, read.time).catch((error: Error) =>
        onError(`A value read could not be indexed in Redis (${error.message}); the audit log has it.`),
      );
    },
    async list(project, secret, version) {
      const [texts, since] = await stored(Promise.all([client.lrange(LIST + keyOf(project, secret), 0, -1), client.get(SINCE)]));
      const reads = texts.map((text) => JSON.parse(text) as ValueRead);
      return {
        reads: ofVersion(reads, version),
        since: since === null ? started : Number(since),
        scope: 'shared',
        kept: INDEX_LIMITS.perSecret,
      };
    },
  };
}
