// The secret page's activity and stage history (CTS) prefetch, started by its loader beside the
// page's own reads.
import { activityQueries, needsConsoleKey } from '../api/activity.ts';
import { configQuery } from '../api/config-query.ts';
import { activityFilterOf } from '../lib/activity-filter.ts';
import { queryClient } from './query-client.ts';

/** With a filter in the address the section asks for its own page (it checks the filter). Only a
 * filter that leaves the console's own reads out waits for the config (it names the console's key). */
export function prefetchActivity(projectId: string, secretName: string, search: URLSearchParams) {
  prefetchStageTraces(projectId, secretName);
  const { filter, problem } = activityFilterOf(search);
  if (problem) return;
  const prefetch = (consoleKeyId: string | null) =>
    queryClient.prefetchInfiniteQuery(activityQueries.list(projectId, secretName, filter, consoleKeyId));
  if (!needsConsoleKey(filter)) void prefetch(null);
  else
    void queryClient.ensureQueryData(configQuery).then(
      (config) => prefetch(config.console_key_id),
      () => undefined,
    );
}

/** A stage page asked where the stage pointed at a time (`?at=`): its answer needs the stage history. */
export function prefetchStageTraces(projectId: string, secretName: string) {
  void queryClient.prefetchQuery(activityQueries.stageTraces(projectId, secretName));
}
