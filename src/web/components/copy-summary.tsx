// "Copy summary": the secret as a ticket wants it (plain text or Markdown): project and region,
// state, health, stages → versions, the newest stage moves and value reads, versions with their
// times in UTC, rotation, tags, and a stage page's point-in-time answer. Metadata only; what the
// page has not read yet is read when the summary is asked for (cached reads are reused).
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Secret, VersionMetadata } from '../../shared/schemas.ts';
import { activityQueries } from '../api/activity.ts';
import { csmsRead } from '../../shared/console-endpoints.ts';
import { permissionOf } from '../../shared/operations.ts';
import { ApiError } from '../api/api-error.ts';
import { consoleRequest } from '../api/client.ts';
import { configQuery } from '../api/config-query.ts';
import { rotationTasksQuery } from '../api/rotation-tasks.ts';
import { valueReadsQuery } from '../api/value-reads.ts';
import { formatRotationPeriod } from '../lib/rotation.ts';
import { secretFlags, type HealthFocus } from '../lib/secret-health.ts';
import { historyOf } from '../lib/stage-timeline.ts';
import type { StageAt, StageHistory } from '../../shared/stage-history.ts';
import type { SummaryInput, TicketFormat } from '../lib/ticket-text.ts';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

// The text builders load on the first click: no page needs them to render.
const ticketText = () => import('../lib/ticket-text.ts');
type TicketText = Awaited<ReturnType<typeof ticketText>>;

/** A stage page's point-in-time answer, written as lines when the summary is asked for. */
export interface PointInTime {
  answer: StageAt;
  stageName: string;
  at: number;
  history: StageHistory;
}

export function CopySummary(props: {
  projectId: string;
  secret: Secret;
  versions: VersionMetadata[];
  focus?: string;
  /** A version or stage page: its own flags and value reads. */
  healthFocus?: HealthFocus;
  /** A stage page's point-in-time answer and its evidence, when shown. */
  pointInTime?: PointInTime;
}) {
  const { projectId, secret, versions, focus, healthFocus, pointInTime } = props;
  const { t } = useLingui();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const { data: config } = useQuery(configQuery);
  const [copied, setCopied] = useState<TicketFormat>();

  /** The parts of the story, each read (or taken from the cache) at once, each unknown on its own. */
  const story = async (text: TicketText): Promise<Pick<SummaryInput, 'health' | 'stageMoves' | 'valueReads'>> => {
    const version = healthFocus && 'version' in healthFocus ? healthFocus.version : undefined;
    const [tasks, moves, reads] = await Promise.allSettled([
      queryClient.fetchQuery(rotationTasksQuery(projectId, secret.name)),
      queryClient.fetchQuery(activityQueries.stageTraces(projectId, secret.name)),
      queryClient.fetchQuery(valueReadsQuery(projectId, secret.name, version)),
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
    return {
      health: { flags: secretFlags(secret, versions, taskList, Date.now(), healthFocus), unknown },
      stageMoves:
        moves.status === 'fulfilled'
          ? (() => {
              const history = historyOf(moves.value, versions, secret.create_time);
              return { moves: text.recentStageMoves(history), partial: !history.complete };
            })()
          : { unknown: messageOf(moves.reason) },
      valueReads:
        reads.status === 'fulfilled' ? { reads: reads.value.reads, since: reads.value.since } : { unknown: messageOf(reads.reason) },
    };
  };

  const copy = async (format: TicketFormat) => {
    const project = config?.projects.find((p) => p.id === projectId) ?? { id: projectId, name: projectId, region: '—' };
    const text = await ticketText();
    const [tags, parts] = await Promise.all([
      consoleRequest(csmsRead('ListSecretTags'), { params: { project_id: projectId, secret_id: secret.id } }).then(
        (r) => r.tags,
        () => undefined,
      ),
      story(text),
    ]);
    const summary = text.secretSummary(
      {
        secret,
        project,
        versions,
        tags,
        rotationPeriod: secret.rotation_period ? formatRotationPeriod(secret.rotation_period) : undefined,
        url: window.location.href,
        ...parts,
        pointInTime: pointInTime && text.pointInTimeLines(pointInTime.answer, pointInTime.stageName, pointInTime.at, pointInTime.history),
      },
      format,
      { ...text.summaryLabels(), focus },
    );
    await navigator.clipboard.writeText(summary);
    setCopied(format);
    announce(t`Summary copied.`);
    setTimeout(() => setCopied(undefined), 1500);
  };

  return (
    <span className="inline-flex flex-wrap gap-1">
      <Button size="sm" onClick={() => void copy('text')}>
        {copied === 'text' ? <Trans>Copied</Trans> : <Trans>Copy summary</Trans>}
      </Button>
      <Button size="sm" onClick={() => void copy('markdown')}>
        {copied === 'markdown' ? <Trans>Copied</Trans> : <Trans>Copy as Markdown</Trans>}
      </Button>
    </span>
  );
}
