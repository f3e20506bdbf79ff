// Who read a secret's values, and when: an index of the audit's value-read lines, filled as the
// audit writes them (one more observer of the audit), so a secret's page can show them without
// reading the log. Bounded: the newest reads of each secret, for a bounded number of secrets. The
// signed audit log stays the authority; the index only points at it (instance, request id). Each
// read is kept twice: in its secret's list and in its project's (the change feed's window). Kept
// in this process's memory (one instance), or in Redis (every instance's reads, shared).
import { readsOfVersion, type ProjectValueRead, type ProjectValueReads, type ValueRead, type ValueReads } from '../shared/value-reads.ts';
import type { AuditEvent } from './audit.ts';
import { KEY_PREFIX, stored, type SharedRedis } from './redis.ts';

/** Reads kept a secret (newest), and secrets kept (the least recently read dropped first); the
 * same for projects. */
export const INDEX_LIMITS = { perSecret: 200, secrets: 10_000, perProject: 2000, projects: 1000 } as const;

/** A window of time (ms): `from` ≤ time < `to`. */
export interface ReadWindow {
  from: number;
  to: number;
}

export interface ValueReadIndex {
  /** An audit observer: indexes the lines that say a value was read (served, or reported copied). */
  observe(event: AuditEvent): void;
  /** A secret's reads, newest first; of one version when `version` is given. */
  list(project: string, secret: string, version?: string): Promise<ValueReads>;
  /** A project's reads in a window, newest first, at most `limit` of them. */
  listProject(project: string, window: ReadWindow, limit: number): Promise<ProjectValueReads>;
}

/** The audit lines that mean a value reached someone: a read the server served, or a copy or
 * download the app reported. Refused attempts stay in the audit log only. */
function indexed(event: AuditEvent, time: number, instance: string): { key: string; project: string; read: ProjectValueRead } | null {
  if (!('project' in event) || (event.outcome !== 'ok' && event.outcome !== 'reported') || !event.secret || !event.version) return null;
  const { who, action, version, requestId, secret } = event;
  return {
    key: keyOf(event.project, secret),
    project: event.project,
    read: { time, who, action, version, instance, secret, ...(requestId && { request_id: requestId }) },
  };
}

const keyOf = (project: string, secret: string) => `${project}/${secret}`;
/** A secret's list holds its reads without the secret's name. */
const ofSecret = ({ secret: _, ...read }: ProjectValueRead): ValueRead => read;

/** The reads of a project's list (newest first) in a window, and whether the list is cut. */
export function inWindow(reads: ProjectValueRead[], window: ReadWindow, limit: number): Pick<ProjectValueReads, 'reads' | 'cut' | 'kept'> {
  const within = reads.filter((r) => r.time >= window.from && r.time < window.to);
  const oldest = reads.at(-1);
  // A full list whose oldest read is inside the window may have dropped older ones of it.
  const dropped = reads.length >= INDEX_LIMITS.perProject && oldest !== undefined && oldest.time > window.from;
  return {
    reads: within.slice(0, limit),
    cut: within.length > limit ? 'page' : dropped ? 'kept' : null,
    kept: INDEX_LIMITS.perProject,
  };
}

/** Adds `read` to `key`'s list in `map`, keeping its newest `kept`, and puts the list last (most
 * recently used), dropping the first list past `bound`. A list is kept oldest first and changed in
 * place: a read costs the same whatever the list holds (each read is kept; the lists are read
 * rarely, newest first). */
function append<V>(map: Map<string, V[]>, key: string, read: V, kept: number, bound: number) {
  const list = map.get(key) ?? [];
  list.push(read);
  if (list.length > kept) list.shift();
  map.delete(key);
  map.set(key, list);
  if (map.size > bound) map.delete(map.keys().next().value!);
}
const newestFirst = <V>(list: V[] | undefined): V[] => (list ? list.toReversed() : []);

export function memoryValueReadIndex(instance: string, clock: () => number = Date.now): ValueReadIndex {
  const since = clock();
  const bySecret = new Map<string, ValueRead[]>();
  const byProject = new Map<string, ProjectValueRead[]>();
  return {
    observe(event) {
      const found = indexed(event, clock(), instance);
      if (!found) return;
      const { key, project, read } = found;
      append(bySecret, key, ofSecret(read), INDEX_LIMITS.perSecret, INDEX_LIMITS.secrets);
      append(byProject, project, read, INDEX_LIMITS.perProject, INDEX_LIMITS.projects);
    },
    async list(project, secret, version) {
      const reads = newestFirst(bySecret.get(keyOf(project, secret)));
      return readsOfVersion({ reads, since, scope: 'instance', kept: INDEX_LIMITS.perSecret }, version);
    },
    async listProject(project, window, limit) {
      return { ...inWindow(newestFirst(byProject.get(project)), window, limit), since, scope: 'instance' };
    },
  };
}

const LIST = `${KEY_PREFIX}value-read-index:`;
const SECRETS = `${KEY_PREFIX}value-read-index-secrets`;
const SINCE = `${KEY_PREFIX}value-read-index-since`;
const PROJECT_LIST = `${KEY_PREFIX}value-read-index-project:`;
const PROJECTS = `${KEY_PREFIX}value-read-index-projects`;

// KEYS: the secret's list, the set of secrets' lists by last read, the index's start, the project's
// list, the set of projects' lists. ARGV: the read (with its secret: one text for both lists), the
// reads kept a secret, the secrets kept, the time, the reads kept a project, the projects kept. One
// step, so two instances never over-fill it.
const ADD = `
local function push(list, lists, read, kept, listsKept, time)
  redis.call('LPUSH', list, read)
  redis.call('LTRIM', list, 0, tonumber(kept) - 1)
  redis.call('ZADD', lists, time, list)
  local over = redis.call('ZCARD', lists) - tonumber(listsKept)
  if over > 0 then
    for _, old in ipairs(redis.call('ZRANGE', lists, 0, over - 1)) do redis.call('DEL', old) end
    redis.call('ZREMRANGEBYRANK', lists, 0, over - 1)
  end
end
redis.call('SET', KEYS[3], ARGV[4], 'NX')
push(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
push(KEYS[4], KEYS[5], ARGV[1], ARGV[5], ARGV[6], ARGV[4])
return 1`;

/** `onError`: told when a read could not be indexed (Redis away); the audit line is written anyway. */
export function redisValueReadIndex(
  client: SharedRedis,
  instance: string,
  onError: (message: string) => void,
  clock: () => number = Date.now,
): ValueReadIndex {
  client.defineCommand('csmsIndexValueRead', { numberOfKeys: 5, lua: ADD });
  const add = (client as unknown as { csmsIndexValueRead(...args: (string | number)[]): Promise<number> }).csmsIndexValueRead.bind(client);
  // The start is set by the first read indexed; until then, the index is as old as this instance.
  const started = clock();
  return {
    observe(event) {
      const found = indexed(event, clock(), instance);
      if (!found) return;
      const { key, project, read } = found;
      const { perSecret, secrets, perProject, projects } = INDEX_LIMITS;
      add(
        ...[LIST + key, SECRETS, SINCE, PROJECT_LIST + project, PROJECTS],
        ...[JSON.stringify(read), perSecret, secrets, read.time, perProject, projects],
      ).catch((error: Error) => onError(`A value read could not be indexed in Redis (${error.message}); the audit log has it.`));
    },
    async list(project, secret, version) {
      const [texts, since] = await stored(Promise.all([client.lrange(LIST + keyOf(project, secret), 0, -1), client.get(SINCE)]));
      // A secret's list answers without the secret's name.
      const reads = texts.map((text) => ofSecret(JSON.parse(text) as ProjectValueRead));
      return readsOfVersion(
        { reads, since: since === null ? started : Number(since), scope: 'shared', kept: INDEX_LIMITS.perSecret },
        version,
      );
    },
    async listProject(project, window, limit) {
      const [texts, since] = await stored(Promise.all([client.lrange(PROJECT_LIST + project, 0, -1), client.get(SINCE)]));
      const reads = texts.map((text) => JSON.parse(text) as ProjectValueRead);
      return { ...inWindow(reads, window, limit), since: since === null ? started : Number(since), scope: 'shared' };
    },
  };
}
