// The secret page's activity and stage history (CTS) prefetch, started by its loader beside the
// page's own reads.
import { activityQueries, CHANGES_ONLY, needsConsoleKey, type ActivityFilter } from '../api/activity.ts';
import { configQuery } from '../api/config-query.ts';
import { queryClient } from './query-client.ts';

/** The section asks for its own page with the address's filter, which it checks. A plain address
 * (the usual deep link) starts at once; one with parameters loads the filter's reading first, so
 * that code stays out of every page's first load. Only a filter that leaves the console's own reads
 * out waits for the config (it names the console's key). */
export function prefetchActivity(projectId: string, secretName: string, search: URLSearchParams) {
  prefetchStageTraces(projectId, secretName);
  const prefetch = (filter: ActivityFilter, consoleKeyId: string | null) =>
    queryClient.prefetchInfiniteQuery(activityQueries.list(projectId, secretName, filter, consoleKeyId));
  if (search.size === 0) return void prefetch(CHANGES_ONLY, null);
  void import('../lib/activity-filter.ts')
    .then(({ activityFilterOf }) => {
      const { filter, problem } = activityFilterOf(search);
      if (problem) return;
      if (!needsConsoleKey(filter)) return prefetch(filter, null);
      return queryClient.ensureQueryData(configQuery).then((config) => prefetch(filter, config.console_key_id));
    })
    .catch(() => undefined);
}

/** A stage page asked where the stage pointed at a time (`?at=`): its answer needs the stage history. */
export function prefetchStageTraces(projectId: string, secretName: string) {
  void queryClient.prefetchQuery(activityQueries.stageTraces(projectId, secretName));
}
