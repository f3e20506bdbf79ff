// A project's overview: the console server's sweep of it (secrets, versions, rotation tasks,
// events, notification records; never a value). Partial until `complete`: polled every second
// until then, then every 60 s, and only while the tab is visible (TanStack Query pauses interval
// refetches in a hidden tab). The overview pages and the lookup's badges share one query, so a
// project is swept once for both.
import { queryOptions, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CONSOLE_ENDPOINTS } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';

export const OVERVIEW_REFRESH_MS = 60_000;
const SWEEP_POLL_MS = 1000;
/** While CSMS cannot be reached the last data stays on screen, and is tried again sooner. */
const UNREACHABLE_POLL_MS = 10_000;

/** Without the list of secrets there is no overview: a refusal names ListSecrets' permission (the row's). */
const fetchOverview = (projectId: string, fresh: boolean, signal?: AbortSignal) =>
  consoleRequest(CONSOLE_ENDPOINTS.Overview, { params: { project_id: projectId }, query: fresh ? { fresh: '1' } : {}, signal });

export const overviewQuery = (projectId: string) =>
  queryOptions({
    queryKey: ['overview', projectId] as const,
    queryFn: ({ signal }) => fetchOverview(projectId, false, signal),
    staleTime: OVERVIEW_REFRESH_MS,
    refetchInterval: (query) =>
      query.state.error ? UNREACHABLE_POLL_MS : query.state.data && !query.state.data.complete ? SWEEP_POLL_MS : OVERVIEW_REFRESH_MS,
    // A tab shown again after a while reads at once, not at the next tick.
    refetchOnWindowFocus: true,
    // The loader asked already (with its retries): a failure is shown once and tried again at the
    // next tick, not asked again when the page mounts.
    retryOnMount: false,
  });

/** A new sweep now (the server keeps the last one 10 s against repeated clicks). */
export const refreshOverview = (queryClient: QueryClient, projectId: string) =>
  queryClient.fetchQuery({
    ...overviewQuery(projectId),
    queryFn: ({ signal }) => fetchOverview(projectId, true, signal),
    staleTime: 0,
  });

/** Sweeps the projects again now; busy until every answer is in. */
export function useOverviewRefresh(projectIds: string[]) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    void Promise.allSettled(projectIds.map((id) => refreshOverview(queryClient, id))).finally(() => setBusy(false));
  };
  return { run, busy };
}
