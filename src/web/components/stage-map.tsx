// A secret's stages: a stage's chip (to its page), the map of stages to versions, and what a
// version no stage points at is.
import { Trans, useLingui } from '@lingui/react/macro';
import { memo } from 'react';
import { Link } from 'react-router';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { paths } from '../lib/paths.ts';
import { compareStages } from '../lib/stages.ts';
import { toMillis } from '../lib/time.ts';
import { Badge } from './ui/badge.tsx';

export function StageChip({ projectId, secretName, stage }: { projectId: string; secretName: string; stage: string }) {
  const builtIn = stage === 'SYSCURRENT' || stage === 'SYSPREVIOUS';
  return (
    <Link to={paths.stage(projectId, secretName, stage)} className="rounded focus-visible:outline-2">
      <Badge tone={stage === 'SYSCURRENT' ? 'green' : builtIn ? 'blue' : 'violet'}>{stage}</Badge>
    </Link>
  );
}

/** A version no stage points at: CSMS may delete it to make room for a new one. */
export function NoStage() {
  const { t } = useLingui();
  return (
    <span
      className="text-xs text-zinc-600 dark:text-zinc-400"
      title={t`No stage points at this version: CSMS may delete it to make room for a new one.`}
    >
      <Trans>No stage</Trans>
    </span>
  );
}

export const isExpired = (v: VersionMetadata, now = Date.now()) => v.expire_time != null && toMillis(v.expire_time) < now;

/** Each stage → the version it points at, from the versions' stage lists. */
export function stageMap(versions: VersionMetadata[]): [string, string][] {
  const pairs = versions.flatMap((v) => v.version_stages.map((stage) => [stage, v.id] as [string, string]));
  return pairs.sort(([a], [b]) => compareStages(a, b));
}

// Drawn again only when its versions change, not each time another read of the page answers.
export const StageMap = memo(function StageMap(props: {
  projectId: string;
  secretName: string;
  versions: VersionMetadata[];
  emptyText?: string;
}) {
  const { t } = useLingui();
  const { projectId, secretName, versions, emptyText = t`No stage points at any version.` } = props;
  const pairs = stageMap(versions);
  if (pairs.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{emptyText}</p>;
  return (
    <ul aria-label={t`Stage map`} className="flex flex-wrap gap-2">
      {pairs.map(([stage, versionId]) => (
        <li key={stage} className="flex items-center gap-1.5 rounded-md border border-zinc-200 px-2 py-1 text-sm dark:border-zinc-800">
          <StageChip projectId={projectId} secretName={secretName} stage={stage} />
          <span aria-hidden="true">→</span>
          <span className="sr-only">
            <Trans>points at</Trans>
          </span>
          <Link className="font-mono text-blue-700 hover:underline dark:text-blue-400" to={paths.version(projectId, secretName, versionId)}>
            {versionId}
          </Link>
        </li>
      ))}
    </ul>
  );
});
