// A secret's activity from CTS (Huawei Cloud's audit service): the CSMS calls on it, newest first,
// over CTS's 7-day window, paged with CTS's `next` marker. The stage history reads the calls that
// move stages, each operation in one request.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ACTIVITY_PAGE_SIZE, CTS_TRACES_KEPT_MS } from '../../csms/cts.ts';
import { csmsRead } from '../../csms/console-endpoints.ts';
import { consoleRequest } from './client.ts';

/** The operations that move stages (what trace-change.ts reads). */
// eslint-disable-next-line lingui/no-unlocalized-strings -- CSMS's operation names, not words
export const STAGE_OPERATIONS = ['UpdateSecretStage', 'CreateSecretVersion', 'CreateSecret'] as const;

export interface ActivityFilter {
  operation?: string;
  user?: string;
}

type TracePage = { next?: string; from: number; to: number };

const csmsTraces = (projectId: string, secretName: string, page: TracePage, limit: number, filter: ActivityFilter, signal: AbortSignal) =>
  consoleRequest(csmsRead('ListTraces'), {
    params: { project_id: projectId },
    query: {
      trace_type: 'system',
      service_type: 'CSMS',
      resource_name: secretName,
      from: page.from,
      to: page.to,
      limit,
      next: page.next,
      trace_name: filter.operation,
      user: filter.user,
    },
    signal,
  });

/** The window ends when the first page is asked for; the next pages keep it. */
const windowNow = (): TracePage => {
  const to = Date.now();
  return { from: to - CTS_TRACES_KEPT_MS, to };
};

export const activityQueries = {
  all: (projectId: string, secretName: string) => ['activity', projectId, secretName] as const,

  list: (projectId: string, secretName: string, { operation, user }: ActivityFilter) =>
    infiniteQueryOptions({
      queryKey: [...activityQueries.all(projectId, secretName), 'list', operation ?? null, user ?? null] as const,
      queryFn: ({ pageParam, signal }) => {
        const window = pageParam ?? windowNow();
        return csmsTraces(projectId, secretName, window, ACTIVITY_PAGE_SIZE, { operation, user }, signal).then((r) => ({ ...r, window }));
      },
      initialPageParam: undefined as TracePage | undefined,
      getNextPageParam: (last): TracePage | undefined =>
        last.meta_data?.marker ? { ...last.window, next: last.meta_data.marker } : undefined,
      staleTime: 30_000,
    }),

  /** Every stage move in the window: one request per operation that moves stages. */
  stageMoves: (projectId: string, secretName: string) =>
    queryOptions({
      queryKey: [...activityQueries.all(projectId, secretName), 'stage-moves'] as const,
      queryFn: async ({ signal }) => {
        const window = windowNow();
        const pages = await Promise.all(
          STAGE_OPERATIONS.map((operation) => csmsTraces(projectId, secretName, window, 200, { operation }, signal)),
        );
        return { traces: pages.flatMap((p) => p.traces), recordsFrom: window.from, complete: pages.every((p) => !p.meta_data?.marker) };
      },
      staleTime: 30_000,
    }),
};
