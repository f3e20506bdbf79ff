// One project's secret health at a glance, for a person or a wall display (`?display=wall`, or the
// TV button): counts, what needs attention most urgently first, recent notifications and the
// events subscribed. Refreshed every 60 s while the tab is visible, and on demand. On the wall the
// title carries the critical count, so a tab or a screen's caption says it too.
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { configQuery } from '../api/config-query.ts';
import { projectHealth } from '../../shared/project-health.ts';
import { overviewQuery, useOverviewRefresh } from '../api/overview-query.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { OverviewStatus } from '../components/overview-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { ProjectHealthPanel } from '../components/project-health.tsx';
import { paths } from '../lib/paths.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { useNow } from '../lib/use-now.ts';
import { useWallDisplay, WALL_PARAM } from '../lib/wall-display.ts';

export function Component() {
  const { projectId } = useCheckedParams('projectId');
  const { t } = useLingui();
  const wall = useWallDisplay();
  const now = useNow();
  const { data: config } = useQuery(configQuery);
  const project = config?.projects.find((p) => p.id === projectId);
  const { data: overview, isFetching } = useQuery(overviewQuery(projectId));
  const critical = overview ? projectHealth(overview, now).attention.filter((a) => a.flag.severity === 'critical').length : 0;
  usePageTitle(wall ? t`${critical} critical · Overview` : t`Overview`);
  const refresh = useOverviewRefresh([projectId]);
  useShortcuts([{ keys: ['r'], label: t`Refresh the overview`, run: refresh.run, disabled: refresh.busy }]);
  const name = project?.name ?? projectId;
  if (wall)
    return (
      <div className="space-y-6">
        <h1 className="flex items-baseline justify-between gap-6 text-5xl font-semibold">
          <span className="font-mono">{name}</span>
          <span className={critical > 0 ? 'text-red-700 dark:text-red-400' : 'text-green-800 dark:text-green-300'} data-testid="critical">
            {t`${critical} critical`}
          </span>
        </h1>
        <div className="text-2xl">
          <OverviewStatus asOf={overview?.as_of} overview={overview} refreshing={refresh.busy} onRefresh={refresh.run} wall />
        </div>
        <ProjectHealthPanel projectId={projectId} wall />
      </div>
    );
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">
            <Trans>
              Overview of <span className="font-mono">{name}</span>
            </Trans>
          </h1>
          {project && <p className="text-sm text-zinc-600 dark:text-zinc-400">{project.region}</p>}
        </div>
        <nav aria-label={t`Other views`} className="flex gap-4 text-sm">
          <Link className="text-blue-700 hover:underline dark:text-blue-400" to={paths.secrets(projectId)}>
            {t`All secrets of this project`}
          </Link>
          <Link className="text-blue-700 hover:underline dark:text-blue-400" to={paths.changes(projectId)}>
            {t`Recent changes`}
          </Link>
          <Link className="text-blue-700 hover:underline dark:text-blue-400" to={paths.overview()}>
            {t`Every project`}
          </Link>
          <Link
            className="text-blue-700 hover:underline dark:text-blue-400"
            to={`${paths.projectOverview(projectId)}?${new URLSearchParams(WALL_PARAM)}`}
            title={t`Full width, large type, no controls: for a screen across the room`}
          >
            <span aria-hidden="true">📺</span> {t`Wall display`}
          </Link>
        </nav>
      </header>
      <OverviewStatus
        asOf={overview?.as_of}
        overview={overview}
        refreshing={refresh.busy || (isFetching && !overview)}
        onRefresh={refresh.run}
      />
      <ProjectHealthPanel projectId={projectId} />
    </div>
  );
}
