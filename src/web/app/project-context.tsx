// Which environment this page belongs to, on every page of a project: the project and its region
// in plain words beside the breadcrumbs, and, for a project the operator labelled production
// (CONSOLE_PROJECT_LABELS), a cue that is a word and a shape, not a colour alone.
import { useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { configQuery } from '../api/config-query.ts';

export const PRODUCTION_LABEL = 'production';

export function ProjectContext() {
  const { t } = useLingui();
  const { projectId } = useParams();
  const { data: config } = useQuery({ ...configQuery, enabled: Boolean(projectId) });
  const project = config?.projects.find((p) => p.id === projectId);
  if (!project) return null;
  const labels = project.labels ?? [];
  const production = labels.includes(PRODUCTION_LABEL);
  return (
    <section
      aria-label={t`Environment`}
      data-production={production || undefined}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-zinc-200 px-2.5 py-1 text-sm data-production:border-red-700 data-production:bg-red-50 dark:border-zinc-700 dark:data-production:border-red-500 dark:data-production:bg-red-950/60"
    >
      {production && (
        <strong className="inline-flex items-center gap-1 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold tracking-wide text-white uppercase dark:bg-red-600">
          <span aria-hidden="true">▲</span>
          {t`Production`}
        </strong>
      )}
      <span>
        <span className="text-zinc-600 dark:text-zinc-400">{t`Project`}</span>{' '}
        <span className="font-mono font-semibold text-zinc-900 dark:text-zinc-100">{project.name}</span>
      </span>
      <span>
        <span className="text-zinc-600 dark:text-zinc-400">{t`Region`}</span>{' '}
        <span className="font-mono font-semibold text-zinc-900 dark:text-zinc-100">{project.region}</span>
      </span>
      {labels
        .filter((l) => l !== PRODUCTION_LABEL)
        .map((label) => (
          <span key={label} className="rounded bg-zinc-100 px-1.5 font-mono text-xs dark:bg-zinc-800">
            {label}
          </span>
        ))}
    </section>
  );
}
