import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { memo } from 'react';
import { Link } from 'react-router';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { paths } from '../lib/paths.ts';
import { compareStages, sortStages } from '../lib/stages.ts';
import { toMillis } from '../lib/time.ts';
import { TimeText } from './time-text.tsx';
import { Badge } from './ui/badge.tsx';
import { stackedTable } from './ui/stacked-table.ts';

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

const COLUMNS = [msg`Version`, msg`Created`, msg`Expires`, msg`Stages`];

export const isExpired = (v: VersionMetadata, now = Date.now()) => v.expire_time != null && toMillis(v.expire_time) < now;

// The page re-renders as each of its other reads answers (tasks, key, history, value reads); the
// versions (the query's same array until they change) are drawn again only when they change.
export const VersionsTable = memo(function VersionsTable({
  projectId,
  secretName,
  versions,
}: {
  projectId: string;
  secretName: string;
  versions: VersionMetadata[];
}) {
  const { t, i18n } = useLingui();
  return (
    <div className="rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={`w-full text-sm ${stackedTable.table}`}>
        <caption className="sr-only">
          <Trans>Versions of {secretName}</Trans>
        </caption>
        <thead className={`bg-zinc-50 text-left text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400 ${stackedTable.head}`}>
          <tr>
            {COLUMNS.map((label) => (
              <th key={label.id} scope="col" className="px-3 py-2 font-medium">
                {i18n._(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stackedTable.body}>
          {versions.map((v) => (
            <tr key={v.id} className={`border-t border-zinc-100 max-sm:first:border-t-0 dark:border-zinc-900 ${stackedTable.row}`}>
              <th scope="row" className={`px-3 py-2 text-left font-mono font-normal ${stackedTable.rowHeader}`}>
                <Link className="text-blue-700 hover:underline dark:text-blue-400" to={paths.version(projectId, secretName, v.id)}>
                  {v.id}
                </Link>
              </th>
              <td data-label={t`Created`} className={`px-3 py-2 ${stackedTable.cell}`}>
                <TimeText value={v.create_time} />
              </td>
              <td data-label={t`Expires`} className={`px-3 py-2 ${stackedTable.cell}`}>
                {v.expire_time == null ? (
                  <span className="text-zinc-500 dark:text-zinc-400">
                    <Trans>never</Trans>
                  </span>
                ) : (
                  <span className="flex flex-wrap items-center gap-1.5">
                    <TimeText value={v.expire_time} />
                    {isExpired(v) && (
                      <Badge tone="red">
                        <Trans>expired</Trans>
                      </Badge>
                    )}
                  </span>
                )}
              </td>
              <td data-label={t`Stages`} className={`px-3 py-2 ${stackedTable.cell}`}>
                {v.version_stages.length === 0 ? (
                  <NoStage />
                ) : (
                  <span className="flex flex-wrap gap-1">
                    {sortStages(v.version_stages).map((stage) => (
                      <StageChip key={stage} projectId={projectId} secretName={secretName} stage={stage} />
                    ))}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** Each stage → the version it points at, from the versions' stage lists. */
export function stageMap(versions: VersionMetadata[]): [string, string][] {
  const pairs = versions.flatMap((v) => v.version_stages.map((stage) => [stage, v.id] as [string, string]));
  return pairs.sort(([a], [b]) => compareStages(a, b));
}

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
