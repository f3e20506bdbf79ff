// A secret's activity from CTS (Huawei Cloud's audit service): the CSMS calls on it, newest first,
// in a window (CTS keeps 7 days), paged with CTS's `next` marker. By default the changes only (CTS
// records reads only when query reporting is configured) and not the console's own calls. The
// stage history reads every trace of the calls that move stages, following the marker.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ACTIVITY_PAGE_SIZE, CTS_TRACES_KEPT_MS } from '../../shared/cts.ts';
import { OPERATIONS } from '../../shared/operations.ts';
import type { Trace } from '../../shared/schemas.ts';
import { STAGE_OPERATIONS } from '../../shared/trace-change.ts';
import { csmsRead } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';

/** CTS pages read for one page of filtered rows, and for a whole history, before saying "partial". */
const CTS_PAGE = 200;
const PAGES_PER_ROW_PAGE = 8;
export const HISTORY_PAGES = 10;

export interface TraceWindow {
  from: number;
  to: number;
}

export interface ActivityFilter {
  operation?: string;
  user?: string;
  /** Show reads (queries) too. */
  reads: boolean;
  /** With reads: show the console's own too (its server key: the pages' and the overview sweep's reads). */
  own: boolean;
  /** A chosen window; none: CTS's whole 7 days, ending when the first page is asked for. */
  window?: TraceWindow;
}

const isRead = (trace: Trace) =>
  trace.read_only ?? (trace.trace_name in OPERATIONS && OPERATIONS[trace.trace_name as keyof typeof OPERATIONS].method === 'GET');

/** What an address without filters shows: the changes only. */
export const CHANGES_ONLY: ActivityFilter = { reads: false, own: false };

/** Whether a filter leaves the console's own reads out: only then does it need the console's key id. */
export const needsConsoleKey = (filter: Pick<ActivityFilter, 'reads' | 'own'>) => filter.reads && !filter.own;

/** Whether a row is shown under a filter; `consoleKeyId`: the access key the console signs with.
 * The console only reads, so its own calls are reads: a change is always shown. */
export const shownBy = (filter: Pick<ActivityFilter, 'reads' | 'own'>, consoleKeyId: string | null) => (trace: Trace) =>
  !isRead(trace) || (filter.reads && (filter.own || consoleKeyId === null || trace.user?.access_key_id !== consoleKeyId));

type TraceQuery = { resource_name?: string; trace_name?: string; user?: string };

const csmsTraces = (
  projectId: string,
  query: TraceQuery,
  window: TraceWindow,
  next: string | undefined,
  limit: number,
  signal: AbortSignal,
) =>
  consoleRequest(csmsRead('ListTraces'), {
    params: { project_id: projectId },
    query: { trace_type: 'system', service_type: 'CSMS', from: window.from, to: window.to, limit, next, ...query },
    signal,
  });

/** Every trace in a window, following CTS's marker for up to `pages` pages. */
async function allTraces(projectId: string, query: TraceQuery, window: TraceWindow, signal: AbortSignal, pages = HISTORY_PAGES) {
  const traces: Trace[] = [];
  let next: string | undefined;
  for (let page = 0; page < pages; page++) {
    const answer = await csmsTraces(projectId, query, window, next, CTS_PAGE, signal);
    traces.push(...answer.traces);
    next = answer.meta_data?.marker ?? undefined;
    if (!next) return { traces, complete: true };
  }
  return { traces, complete: false };
}

const lastWeek = (): TraceWindow => {
  const to = Date.now();
  return { from: to - CTS_TRACES_KEPT_MS, to };
};

type RowPage = { window: TraceWindow; next?: string };

export const activityQueries = {
  all: (projectId: string, secretName: string) => ['activity', projectId, secretName] as const,

  /** `consoleKeyId` counts only for a filter that needs it: the others start without the config. */
  list: (projectId: string, secretName: string, filter: ActivityFilter, consoleKeyId: string | null) =>
    infiniteQueryOptions({
      queryKey: [...activityQueries.all(projectId, secretName), 'list', filter, needsConsoleKey(filter) ? consoleKeyId : null] as const,
      // CTS filters by one operation and one user; reads and the console's own calls are left out
      // here, reading on until a page has rows to show (or CTS has no more).
      queryFn: async ({ pageParam, signal }) => {
        const window = pageParam?.window ?? filter.window ?? lastWeek();
        const query = { resource_name: secretName, trace_name: filter.operation, user: filter.user };
        const shown = shownBy(filter, consoleKeyId);
        const traces: Trace[] = [];
        let next = pageParam?.next;
        for (let page = 0; page < PAGES_PER_ROW_PAGE && traces.length < ACTIVITY_PAGE_SIZE; page++) {
          const answer = await csmsTraces(projectId, query, window, next, ACTIVITY_PAGE_SIZE, signal);
          traces.push(...answer.traces.filter(shown));
          next = answer.meta_data?.marker ?? undefined;
          if (!next) break;
        }
        return { traces, window, next };
      },
      initialPageParam: undefined as RowPage | undefined,
      getNextPageParam: (last): RowPage | undefined => (last.next ? { window: last.window, next: last.next } : undefined),
      staleTime: 30_000,
      // The loader asked already (with its retries): a refusal is shown once, with a Retry, not asked again on mount.
      retryOnMount: false,
    }),

  /** Every trace of the calls that move stages, over CTS's 7 days: one operation per request. */
  stageTraces: (projectId: string, secretName: string) =>
    queryOptions({
      queryKey: [...activityQueries.all(projectId, secretName), 'stage-traces'] as const,
      queryFn: async ({ signal }) => {
        const window = lastWeek();
        const answers = await Promise.all(
          STAGE_OPERATIONS.map((operation) => allTraces(projectId, { resource_name: secretName, trace_name: operation }, window, signal)),
        );
        return {
          traces: answers.flatMap((a) => a.traces),
          recordsFrom: window.from,
          complete: answers.every((a) => a.complete),
          now: window.to,
        };
      },
      staleTime: 30_000,
      // As the list's: the loader asked already.
      retryOnMount: false,
    }),

  /** Every change to any secret of a project in a window (the change feed). */
  changes: (projectId: string, window: TraceWindow) =>
    queryOptions({
      queryKey: ['activity', projectId, 'changes', window] as const,
      queryFn: async ({ signal }) => {
        const { traces, complete } = await allTraces(projectId, {}, window, signal);
        return { traces: traces.filter(shownBy({ reads: false, own: true }, null)), complete };
      },
      staleTime: 30_000,
    }),
};
