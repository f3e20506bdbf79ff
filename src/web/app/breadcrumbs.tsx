// The breadcrumbs of the page shown (each route names its own in its `handle`, in the page's
// language, read again when it changes), and the project and region of a project's page.
import { useLingui } from '@lingui/react/macro';
import { Link, useMatches, type Params } from 'react-router';
import { ProjectContext } from './project-context.tsx';

export interface Crumb {
  label: string;
  to: string;
  mono?: boolean;
}

interface CrumbsHandle {
  crumbs: (params: Params) => Crumb[];
}

const hasCrumbs = (handle: unknown): handle is CrumbsHandle =>
  typeof handle === 'object' && handle !== null && typeof (handle as CrumbsHandle).crumbs === 'function';

export function Breadcrumbs() {
  const { t } = useLingui();
  const match = useMatches().findLast((m) => hasCrumbs(m.handle));
  if (!match) return null;
  const crumbs = (match.handle as CrumbsHandle).crumbs(match.params);
  return (
    <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
      <nav aria-label={t`Breadcrumb`} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-zinc-600 dark:text-zinc-400">
          {crumbs.map((crumb, i) => {
            const last = i === crumbs.length - 1;
            const font = crumb.mono ? 'font-mono' : '';
            return (
              <li key={crumb.to} className="flex items-center gap-1">
                {i > 0 && <span aria-hidden="true">/</span>}
                {last && i > 0 ? (
                  <span aria-current="page" className={`${font} text-zinc-900 dark:text-zinc-100`}>
                    {crumb.label}
                  </span>
                ) : (
                  <Link className={`${font} hover:underline`} to={crumb.to} aria-current={last ? 'page' : undefined}>
                    {crumb.label}
                  </Link>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <ProjectContext />
    </div>
  );
}
