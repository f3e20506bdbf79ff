// Every project the person can see, most urgent first (the most critical items, then high, then
// all that need attention), under the totals across projects: each project's counts and its most
// urgent items, linking to its own overview. Refreshed every 60 s while visible, and on demand.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { Project } from '../../shared/console-api.ts';
import { projectHealth, type ProjectHealth } from '../../shared/project-health.ts';
import { configQuery } from '../api/config-query.ts';
import { overviewQuery, useOverviewRefresh } from '../api/overview-query.ts';
import { usePageTitle } from '../components/page-title.ts';
import { OverviewStatus } from '../components/overview-status.tsx';
import { ProjectHealthPanel } from '../components/project-health.tsx';
import { paths } from '../lib/paths.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { useNow } from '../lib/use-now.ts';

interface Ranked {
  project: Project;
  health?: ProjectHealth;
}

const bySeverity = (health: ProjectHealth | undefined, severity: string) =>
  health?.attention.filter((a) => a.flag.severity === severity).length ?? 0;

/** Critical first, then high, then everything that needs attention; a project not read yet last. */
function byUrgency(a: Ranked, b: Ranked): number {
  return (
    bySeverity(b.health, 'critical') - bySeverity(a.health, 'critical') ||
    bySeverity(b.health, 'high') - bySeverity(a.health, 'high') ||
    (b.health?.attention.length ?? -1) - (a.health?.attention.length ?? -1) ||
    a.project.name.localeCompare(b.project.name)
  );
}

function Totals({ ranked }: { ranked: Ranked[] }) {
  const { t, i18n } = useLingui();
  const number = new Intl.NumberFormat(i18n.locale);
  const sum = (of: (h: ProjectHealth) => number) => ranked.reduce((n, r) => n + (r.health ? of(r.health) : 0), 0);
  const totals = [
    { key: 'critical', label: t`Critical`, value: sum((h) => bySeverity(h, 'critical')), alarm: true },
    { key: 'attention', label: t`Need attention`, value: sum((h) => h.attention.length), alarm: false },
    { key: 'secrets', label: t`Secrets`, value: sum((h) => h.total), alarm: false },
    { key: 'projects', label: t`Projects`, value: ranked.length, alarm: false },
  ];
  return (
    <ul aria-label={t`Totals across projects`} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {totals.map((total) => (
        <li
          key={total.key}
          data-total={total.key}
          className={`rounded-md border p-3 ${total.alarm && total.value > 0 ? 'border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40' : 'border-zinc-200 dark:border-zinc-800'}`}
        >
          <span className="block text-3xl font-semibold tabular-nums">{number.format(total.value)}</span>
          <span className="block text-sm text-zinc-700 dark:text-zinc-300">{total.label}</span>
        </li>
      ))}
    </ul>
  );
}

export function Component() {
  const { t } = useLingui();
  usePageTitle(t`Overview of every project`);
  const now = useNow();
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
  const ranked = projects
    .map((project, i): Ranked => {
      const overview = overviews[i]?.data;
      return { project, health: overview && projectHealth(overview, now) };
    })
    .sort(byUrgency);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t`Overview of every project`}</h1>
      <OverviewStatus asOf={asOf} refreshing={refresh.busy} onRefresh={refresh.run} />
      {projects.length === 0 && <p className="text-sm">{t`No project is available to you.`}</p>}
      {projects.length > 0 && <Totals ranked={ranked} />}
      {ranked.map(({ project, project: { region } }) => (
        <article
          key={project.id}
          aria-labelledby={`project-${project.id}`}
          data-project={project.id}
          className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <h2 id={`project-${project.id}`} className="flex flex-wrap items-baseline gap-x-3 text-lg font-semibold">
            <Link className="font-mono text-blue-700 hover:underline dark:text-blue-400" to={paths.projectOverview(project.id)}>
              {project.name}
            </Link>
            <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
              <Trans>Region {region}</Trans>
            </span>
          </h2>
          <ProjectHealthPanel projectId={project.id} summary />
        </article>
      ))}
    </div>
  );
}
