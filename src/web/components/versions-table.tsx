// The versions of a secret, one row each: on the secret page, below the fold, loaded after its
// first paint (versions-pages.tsx).
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { memo } from 'react';
import { Link } from 'react-router';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { paths } from '../lib/paths.ts';
import { sortStages } from '../lib/stages.ts';
import { isExpired, NoStage, StageChip } from './stage-map.tsx';
import { TimeText } from './time-text.tsx';
import { Badge } from './ui/badge.tsx';
import { stackedTable } from './ui/stacked-table.ts';

const COLUMNS = [msg`Version`, msg`Created`, msg`Expires`, msg`Stages`];

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
