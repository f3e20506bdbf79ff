// The summary "Copy summary" writes, gathered when it is asked for: what the page has not read yet
// is read then (cached reads are reused), and each part that cannot be read says so on its own.
// Its own chunk, loaded on the first click: no page needs it to render.
import { t } from '@lingui/core/macro';
import type { QueryClient } from '@tanstack/react-query';
import { csmsRead } from '../../shared/console-endpoints.ts';
import { permissionOf } from '../../shared/operations.ts';
import type { Secret, VersionMetadata } from '../../shared/schemas.ts';
import { stageAt } from '../../shared/stage-history.ts';
import { readsOfVersion } from '../../shared/value-reads.ts';
import { activityQueries } from '../api/activity.ts';
import { ApiError } from '../api/api-error.ts';
import { consoleRequest } from '../api/client.ts';
import { rotationTasksQuery } from '../api/rotation-tasks.ts';
import { valueReadsQuery } from '../api/value-reads.ts';
import { formatRotationPeriod } from './rotation.ts';
import { secretFlags, type HealthFocus } from './secret-health.ts';
import { historyOf } from './stage-timeline.ts';
import { pointInTimeLines, recentStageMoves, secretSummary, summaryLabels, type SummaryInput, type TicketFormat } from './ticket-text.ts';

/** A stage page's question "where did it point at this time?": answered, with its evidence, from
 * the stage history read for the summary. */
export interface PointInTime {
  stageName: string;
  at: number;
  /** When the stage last moved, as CSMS says. */
  updatedAt?: number;
}

export interface SummaryRequest {
  projectId: string;
  project: SummaryInput['project'];
  secret: Secret;
  versions: VersionMetadata[];
  focus?: string;
  healthFocus?: HealthFocus;
  pointInTime?: PointInTime;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The parts of the story, each read (or taken from the cache) at once, each unknown on its own. */
async function story(
  queryClient: QueryClient,
  r: SummaryRequest,
): Promise<Pick<SummaryInput, 'health' | 'stageMoves' | 'valueReads' | 'pointInTime'>> {
  const { projectId, secret, versions, healthFocus } = r;
  const version = healthFocus && 'version' in healthFocus ? healthFocus.version : undefined;
  const [tasks, moves, reads] = await Promise.allSettled([
    queryClient.fetchQuery(rotationTasksQuery(projectId, secret.name)),
    queryClient.fetchQuery(activityQueries.stageTraces(projectId, secret.name)),
    queryClient.fetchQuery(valueReadsQuery(projectId, secret.name)).then((answer) => readsOfVersion(answer, version)),
  ]);
  const taskList = tasks.status === 'fulfilled' && tasks.value.complete ? tasks.value.tasks : undefined;
  const unknown: string[] = [];
  if (tasks.status === 'rejected') {
    const reason = messageOf(tasks.reason);
    const permission = permissionOf('ListSecretTask');
    unknown.push(
      tasks.reason instanceof ApiError && tasks.reason.kind === 'forbidden'
        ? t`Last rotation: unknown; the rotation tasks could not be read (${reason}); reading them needs the IAM permission ${permission}.`
        : t`Last rotation: unknown; the rotation tasks could not be read (${reason}).`,
    );
  } else if (!taskList) unknown.push(t`Last rotation: unknown; this secret has more rotation tasks than the console reads.`);
  const history = moves.status === 'fulfilled' ? historyOf(moves.value, versions, secret.create_time) : undefined;
  const question = r.pointInTime;
  return {
    health: { flags: secretFlags(secret, versions, taskList, Date.now(), healthFocus), unknown },
    stageMoves:
      moves.status === 'rejected'
        ? { unknown: messageOf(moves.reason) }
        : history && { moves: recentStageMoves(history), partial: !history.complete },
    valueReads:
      reads.status === 'fulfilled' ? { reads: reads.value.reads, since: reads.value.since } : { unknown: messageOf(reads.reason) },
    pointInTime:
      question &&
      history &&
      pointInTimeLines(stageAt(history, question.stageName, question.at, question.updatedAt), question.stageName, question.at, history),
  };
}

export async function summaryText(queryClient: QueryClient, r: SummaryRequest, format: TicketFormat): Promise<string> {
  const { projectId, secret } = r;
  const [tags, parts] = await Promise.all([
    consoleRequest(csmsRead('ListSecretTags'), { params: { project_id: projectId, secret_id: secret.id } }).then(
      (answer) => answer.tags,
      () => undefined,
    ),
    story(queryClient, r),
  ]);
  return secretSummary(
    {
      secret,
      project: r.project,
      versions: r.versions,
      tags,
      rotationPeriod: secret.rotation_period ? formatRotationPeriod(secret.rotation_period) : undefined,
      url: window.location.href,
      ...parts,
    },
    format,
    { ...summaryLabels(), focus: r.focus },
  );
}
