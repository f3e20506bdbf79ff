// The stage history of a secret (csms/stage-history.ts) from what its pages already read: the
// traces of the calls that move stages (CTS), its versions and stages now, and when it was made.
// One hook for the stage history section, the point-in-time answer and the ticket text.
import { useQuery } from '@tanstack/react-query';
import { stageHistory, type StageHistory } from '../../shared/stage-history.ts';
import { activityQueries } from '../api/activity.ts';
import { secretQueries } from '../api/secret-queries.ts';

type StageTraces = Awaited<ReturnType<NonNullable<ReturnType<typeof activityQueries.stageTraces>['queryFn']>>>;

export function historyOf(
  data: StageTraces,
  versions: { id: string; create_time?: number; version_stages: string[] }[],
  secretCreated?: number,
): StageHistory {
  const present = Object.fromEntries(versions.flatMap((v) => v.version_stages.map((stage) => [stage, v.id])));
  return stageHistory({ ...data, present, versions, secretCreated });
}

/** The history, once CTS, the versions and the secret have answered; the CTS error when it failed. */
export function useStageHistory(projectId: string, secretName: string, enabled = true) {
  const traces = useQuery({ ...activityQueries.stageTraces(projectId, secretName), enabled });
  const versions = useQuery(secretQueries.versions(projectId, secretName));
  const secret = useQuery(secretQueries.detail(projectId, secretName));
  const history =
    traces.data && versions.data && secret.data
      ? historyOf(traces.data, versions.data.version_metadatas, secret.data.create_time)
      : undefined;
  return { history, error: traces.error, retry: () => void traces.refetch() };
}
