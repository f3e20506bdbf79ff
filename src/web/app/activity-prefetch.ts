// The secret page's activity and stage history (CTS) prefetch. Its own module, loaded by the
// secret page's loader beside the page's reads: the CTS query code stays out of the first load of
// every other page.
import { activityQueries } from '../api/activity.ts';
import { configQuery } from '../api/config-query.ts';
import { activityFilterOf } from '../lib/activity-filter.ts';
import { queryClient } from './query-client.ts';

/** With a filter in the address the section asks for its own page (it checks the filter). */
export function prefetchActivity(projectId: string, secretName: string, search: URLSearchParams) {
  prefetchStageTraces(projectId, secretName);
  const config = queryClient.getQueryData(configQuery.queryKey);
  const { filter, problem } = activityFilterOf(search);
  if (config && !problem)
    void queryClient.prefetchInfiniteQuery(activityQueries.list(projectId, secretName, filter, config.console_key_id));
}

/** A stage page asked where the stage pointed at a time (`?at=`): its answer needs the stage history. */
export function prefetchStageTraces(projectId: string, secretName: string) {
  void queryClient.prefetchQuery(activityQueries.stageTraces(projectId, secretName));
}
