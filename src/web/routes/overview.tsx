// Every project and region the person can see, grouped by region: each project's counts and its
// most urgent items, linking to its own overview. Refreshed every 60 s while visible, and on demand.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { Project } from '../../csms/console-api.ts';
import { configQuery } from '../api/config-query.ts';
import { overviewQuery, useOverviewRefresh } from '../api/overview-query.ts';
import { usePageTitle } from '../components/page-title.ts';
import { OverviewStatus } from '../components/overview-status.tsx';
import { ProjectHealthPanel } from '../components/project-health.tsx';
import { paths } from '../lib/paths.ts';
import { useShortcuts } from '../lib/shortcuts.ts';

function byRegion(projects: Project[]): [string, Project[]][] {
  const regions = new Map<string, Project[]>();
  for (const p of projects) regions.set(p.region, [...(regions.get(p.region) ?? []), p]);
  return [...regions].sort(([a], [b]) => a.localeCompare(b));
}

export function Component() {
  const { t } = useLingui();
  usePageTitle(t`Overview of every project`);
  const { data: config } = useQuery(configQuery);
  const projects = config?.projects ?? [];
  const ids = projects.map((p) => p.id);
  const overviews = useQueries({ queries: ids.map((id) => overviewQuery(id)) });
  const refresh = useOverviewRefresh(ids);
  useShortcuts([{ keys: ['r'], label: t`Refresh the overview`, run: refresh.run, disabled: refresh.busy }]);
  // The oldest of the projects' data is what the page is as of.
  const asOf = overviews.reduce<number | undefined>(
    (min, q) => (q.data && (min === undefined || q.data.as_of < min) ? q.data.as_of : min),
    undefined,
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t`Overview of every project`}</h1>
      <OverviewStatus asOf={asOf} refreshing={refresh.busy} onRefresh={refresh.run} />
      {projects.length === 0 && <p className="text-sm">{t`No project is available to you.`}</p>}
      {byRegion(projects).map(([region, inRegion]) => (
        <section key={region} aria-labelledby={`region-${region}`} className="space-y-4">
          <h2 id={`region-${region}`} className="border-b border-zinc-200 pb-1 text-xl font-semibold dark:border-zinc-800">
            {region}
          </h2>
          {inRegion.map((project) => (
            <article
              key={project.id}
              aria-labelledby={`project-${project.id}`}
              className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
            >
              <h3 id={`project-${project.id}`} className="text-lg font-semibold">
                <Link className="font-mono text-blue-700 hover:underline dark:text-blue-400" to={paths.projectOverview(project.id)}>
                  {project.name}
                </Link>
              </h3>
              <ProjectHealthPanel projectId={project.id} summary />
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
