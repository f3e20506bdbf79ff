// GET /api/overview/{project_id}: a sweep of a project for its health at a glance. The secrets,
// the rotation tasks, the notification records and the events (and the tags the metrics export as
// labels, when they do), then every secret's versions (for their expiry) and each KMS key the
// secrets name (once per sweep), at most 8 upstream calls at once per person. The sweep is kept 60 s
// per person and project, so ten people, or a wall display, watching one project cost one sweep a
// minute; a request during a sweep gets what it has so far (the app polls until `complete`).
// Several instances share their sweeps through Redis (overview-shared.ts). Never a value.
import type { KmsKeyState, OverviewPart, ProjectOverview } from '../shared/console-api.ts';
import { CONSOLE_ENDPOINTS } from '../shared/console-endpoints.ts';
import { CONSOLE_ERRORS } from '../shared/error-codes.ts';
import { checkParam, type ReadOperation } from '../shared/operations.ts';
import { isKeyState, LIMITS } from '../shared/patterns.ts';
import type { ResponseOf } from '../shared/schemas.ts';
import { describeFailure, type CsmsReader, type ReadFailure, type ReadResult } from './csms-reader.ts';
import type { Answer, Handler } from './endpoints.ts';
import { invalidParameter, refusal } from './errors.ts';
import type { Identity } from './auth/identity.ts';
import { limiter, type Limiter } from './limiter.ts';
import { readTagLabels } from './metrics-tags.ts';

export const KEEP_MS = 60_000;
/** A person asking for fresh data gets it only when the last sweep is older than this. */
const FRESH_AFTER_MS = 10_000;
export const CALLS_PER_PERSON = 8;
/** Projects a person may have swept and kept at once on this instance (each costs memory). */
export const SWEEPS_PER_PERSON = 20;
/** Items a page of a listing asks for, and pages read at the most: the most secrets the console reads. */
const PAGE = 1000;
const MAX_PAGES = Math.ceil(LIMITS.secretsRead / PAGE);

const isFailure = (result: unknown): result is ReadFailure =>
  typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;

export interface Sweep {
  overview: ProjectOverview;
  done: Promise<void>;
  finishedAt?: number;
}

/** Sweeps in a store every instance reads (overview-shared.ts). */
export interface SharedSweeps {
  /** A sweep finished (`finishedAt`) or under way on any instance, or null. */
  kept(key: string): Promise<Pick<Sweep, 'overview' | 'finishedAt'> | null>;
  /** Claims a new sweep for this instance: false when another instance has just started it. */
  claim(key: string): Promise<boolean>;
  /** Shows a sweep under way to the other instances, then keeps it once finished. */
  publish(key: string, overview: ProjectOverview): { finished(at: number): void };
}

export interface OverviewOptions {
  read: CsmsReader;
  clock?: () => number;
  /** Several instances: sweeps kept, and published while under way, where all of them see them. */
  shared?: SharedSweeps;
  /** Tag keys the metrics export as labels: the sweep reads each secret's values of these. */
  tagKeys?: string[];
}

const startingOverview = (projectId: string, now: number): ProjectOverview => ({
  project_id: projectId,
  as_of: now,
  complete: false,
  progress: { checked: 0, total: 0 },
  secrets: [],
  secrets_cut: false,
  // Keyed by secret names, which may be "__proto__": no prototype to set by mistake.
  versions: Object.create(null) as ProjectOverview['versions'],
  tasks: [],
  notifications: [],
  events: [],
  keys: Object.create(null) as ProjectOverview['keys'],
  failed: {},
});

/** A key's ListKeyDetail answer as the overview keeps it; a state the console does not know is
 * not guessed at. */
export function keyStateOf(keyId: string, result: ReadResult<'ListKeyDetail'>): KmsKeyState {
  if (!result.ok) return { ok: false, key_id: keyId, ...describeFailure('ListKeyDetail', result) };
  const { key_alias, key_state } = result.data.key_info;
  if (isKeyState(key_state)) return { ok: true, key_id: keyId, key_alias, key_state };
  return {
    ok: false,
    key_id: keyId,
    status: 502,
    code: CONSOLE_ERRORS.badGateway,
    message: `KMS answered the key state "${key_state}", which the console does not know.`,
  };
}

/** Sweeps projects for identities, sharing sweeps and limiting each person's calls upstream. */
export function createSweeper(opts: OverviewOptions) {
  const clock = opts.clock ?? Date.now;
  const tagKeys = opts.tagKeys ?? [];
  const sweeps = new Map<string, Sweep>();
  const limits = new Map<string, Limiter>();
  const limitOf = (who: string) => {
    let limit = limits.get(who);
    if (!limit) limits.set(who, (limit = limiter(CALLS_PER_PERSON)));
    return limit;
  };

  async function run(identity: Identity, projectId: string, overview: ProjectOverview) {
    const limit = limitOf(identity.who);
    const read = <O extends ReadOperation>(
      operation: O,
      query: Record<string, string> = {},
      params: Record<string, string> = {},
      body?: unknown,
    ) => limit(() => opts.read(identity, operation, { params: { project_id: projectId, ...params }, query, body }));

    /** Every page of a listing that pages with a marker, up to MAX_PAGES, or the first failure.
     * Each page is handed to `onPage` once the next one is asked for, so the work it starts queues
     * behind that read; `onCut` is told when pages were left unread. */
    async function allPages<O extends 'ListSecrets' | 'ListSecretTask' | 'ListSecretEvents'>(
      operation: O,
      next: (page: ResponseOf<O>) => string | null | undefined,
      on: { page?: (page: ResponseOf<O>) => void; cut?: (marker: string) => void } = {},
    ): Promise<ResponseOf<O>[] | ReadFailure> {
      const found: ResponseOf<O>[] = [];
      let result = await read(operation, { limit: String(PAGE) });
      for (let page = 1; ; page++) {
        if (!result.ok) return result;
        found.push(result.data);
        let marker = next(result.data);
        if (marker && page >= MAX_PAGES) {
          on.cut?.(marker);
          marker = undefined;
        }
        const following = marker ? read(operation, { limit: String(PAGE), marker }) : undefined;
        on.page?.(result.data);
        if (!following) return found;
        result = await following;
      }
    }
    /** Keeps a part's data, or says why it is missing. */
    const settle = <T>(part: OverviewPart, operation: ReadOperation, result: T | ReadFailure, keep: (data: T) => void) => {
      if (isFailure(result)) overview.failed[part] = describeFailure(operation, result);
      else keep(result);
    };

    const others = Promise.all([
      allPages('ListSecretTask', (p) => (p.tasks.length === PAGE ? p.next_marker : undefined)).then((r) =>
        settle('tasks', 'ListSecretTask', r, (pages) => (overview.tasks = pages.flatMap((p) => p.tasks))),
      ),
      allPages('ListSecretEvents', (p) => (p.events.length === PAGE ? p.page_info?.next_marker : undefined)).then((r) =>
        settle('events', 'ListSecretEvents', r, (pages) => (overview.events = pages.flatMap((p) => p.events))),
      ),
      read('ListNotificationRecords').then((r) =>
        settle('notifications', 'ListNotificationRecords', r.ok ? r.data : r, (data) => (overview.notifications = data.records)),
      ),
      tagKeys.length > 0 &&
        readTagLabels(
          (offset, pageSize) =>
            limit(() =>
              opts.read(identity, 'ListResourceInstances', {
                params: { project_id: projectId },
                body: { action: 'filter', limit: String(pageSize), offset: String(offset) },
              }),
            ),
          tagKeys,
        ).then((labels) => (overview.tag_labels = labels)),
    ]);
    // Each page's versions and new keys are asked for as it arrives, while the next page is read:
    // no slot of the person's allowance waits for the rest of the listing.
    const keysAsked = new Set<string>();
    const keyReads: Promise<void>[] = [];
    const versionReads: Promise<void>[] = [];
    const readVersionsAndKeys = ({ secrets: page }: ResponseOf<'ListSecrets'>) => {
      overview.secrets.push(...page);
      overview.progress.total = overview.secrets.length;
      for (const { kms_key_id: keyId } of page)
        if (keyId && !keysAsked.has(keyId)) {
          keysAsked.add(keyId);
          keyReads.push(readKey(keyId));
        }
      for (const { name } of page) versionReads.push(readVersions(name));
    };
    const readKey = async (keyId: string) => {
      overview.keys[keyId] = keyStateOf(keyId, await read('ListKeyDetail', {}, {}, { key_id: keyId }));
    };
    const readVersions = async (name: string) => {
      const result = await read('ListSecretVersions', { limit: '50' }, { secret_name: name });
      if (result.ok) overview.versions[name] = result.data.version_metadatas;
      // One refusal says it for all: the part is missing, and why.
      else overview.failed.versions ??= describeFailure('ListSecretVersions', result);
      overview.progress.checked += 1;
    };
    let moreSecrets: Promise<ReadResult<'ListSecrets'>> | undefined;
    const secrets = await allPages(
      'ListSecrets',
      (p) => (p.secrets.length === PAGE ? (p.page_info.next_marker ?? p.secrets.at(-1)?.name) : undefined),
      { page: readVersionsAndKeys, cut: (marker) => (moreSecrets = read('ListSecrets', { limit: '1', marker })) },
    );
    // A full last page may be the end of the list: one more secret read says whether it is. Unread,
    // the list is taken as cut: "partial" may be too cautious, a silent miss would be wrong.
    if (moreSecrets) overview.secrets_cut = await moreSecrets.then((r) => !r.ok || r.data.secrets.length > 0);
    if (isFailure(secrets)) overview.failed.secrets = describeFailure('ListSecrets', secrets);
    await Promise.all([...versionReads, ...keyReads]);
    // A list that failed part way is no list: nothing read for its first pages is kept.
    if (isFailure(secrets)) {
      const { secrets: none, secrets_cut, versions, keys, progress } = startingOverview(projectId, overview.as_of);
      Object.assign(overview, { secrets: none, secrets_cut, versions, keys, progress });
      delete overview.failed.versions;
    }
    await others;
    overview.complete = true;
  }

  /** Starts a sweep here; with shared sweeps, published as it goes, for the other instances. */
  function start(key: string, identity: Identity, projectId: string): Sweep {
    const overview = startingOverview(projectId, clock());
    const sweep: Sweep = { overview, done: Promise.resolve() };
    const publisher = opts.shared?.publish(key, overview);
    sweep.done = run(identity, projectId, overview).finally(() => {
      sweep.finishedAt = clock();
      publisher?.finished(sweep.finishedAt);
    });
    sweeps.set(key, sweep);
    // Forgotten once kept long enough; nobody holds a sweep but this map. One that could not list
    // the secrets is forgotten at once: the next request tries CSMS again, so the app's last data
    // (marked stale meanwhile) is replaced as soon as CSMS answers.
    const forget = () => sweeps.get(key) === sweep && sweeps.delete(key);
    void sweep.done.then(() => (overview.failed.secrets ? forget() : setTimeout(forget, KEEP_MS).unref()));
    return sweep;
  }

  return {
    /** The project's sweep for this person: the one kept, one under way (here or, shared, on
     * another instance), or a new one. */
    async sweep(identity: Identity, projectId: string, fresh = false): Promise<Sweep | 'too-many'> {
      const key = `${identity.who}\n${projectId}`;
      const now = clock();
      const usable = (finishedAt: number | undefined) => finishedAt === undefined || now - finishedAt < (fresh ? FRESH_AFTER_MS : KEEP_MS);
      const known = sweeps.get(key);
      if (known && usable(known.finishedAt)) return known;
      if (!known && [...sweeps.keys()].filter((k) => k.startsWith(`${identity.who}\n`)).length >= SWEEPS_PER_PERSON) return 'too-many';
      if (!opts.shared) return start(key, identity, projectId);
      const kept = await opts.shared.kept(key);
      if (kept && usable(kept.finishedAt)) return { ...kept, done: Promise.resolve() };
      // Another instance may have started it a moment ago: then its sweep is the answer.
      if (!(await opts.shared.claim(key)))
        return { overview: (await opts.shared.kept(key))?.overview ?? startingOverview(projectId, now), done: Promise.resolve() };
      return start(key, identity, projectId);
    },
  };
}
export type Sweeper = ReturnType<typeof createSweeper>;

/** The first listing answers quickly; a sweep in progress is answered with what it has. */
const FIRST_ANSWER_WAIT_MS = 800;

export function overviewHandler(sweeper: Sweeper, read: CsmsReader): Handler<typeof CONSOLE_ENDPOINTS.Overview> {
  return {
    endpoint: CONSOLE_ENDPOINTS.Overview,
    handle: async ({ req, identity }): Promise<Answer<ProjectOverview>> => {
      const projectId = req.params.project_id;
      const problem = checkParam('project_id', projectId);
      if (problem) return { ok: false, ...invalidParameter(problem) };
      // A project this person cannot use is refused before anything is swept or kept.
      const refused = read.projectRefusal(identity, projectId!);
      if (refused) return { ok: false, ...refusal(refused.status, refused.code, refused.message) };
      const sweep = await sweeper.sweep(identity, projectId!, req.query.fresh === '1');
      if (sweep === 'too-many')
        return {
          ok: false,
          ...refusal(429, CONSOLE_ERRORS.rateLimited, `At most ${SWEEPS_PER_PERSON} projects' overviews at once: retry in a minute.`, {
            headers: { 'Retry-After': String(KEEP_MS / 1000) },
          }),
        };
      // Wait a little: a small project is swept in that time, and a large one has its list by then.
      await Promise.race([sweep.done, new Promise((resolve) => setTimeout(resolve, FIRST_ANSWER_WAIT_MS))]);
      const { overview } = sweep;
      // Without the list of secrets there is no overview: its refusal is the answer.
      if (overview.failed.secrets) {
        const { status, code, message, request_id } = overview.failed.secrets;
        return { ok: false, ...refusal(status, code, message, { requestId: request_id }) };
      }
      return { ok: true, body: overview };
    },
  };
}
