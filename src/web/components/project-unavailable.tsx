// A project the console refused outright, in one message: which project, that this person cannot
// use it here, and who can change that.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ApiError } from '../api/api-error.ts';
import { configQuery } from '../api/config-query.ts';
import { paths } from '../lib/paths.ts';

export function ProjectUnavailable({ projectId, error }: { projectId: string; error: ApiError }) {
  const { data: config } = useQuery(configQuery);
  const user = config?.auth === 'iam' ? config.user : null;
  const projects = config?.projects ?? [];
  const notConfigured = error.status === 404;
  return (
    <section
      role="alert"
      aria-labelledby="project-unavailable"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h1 id="project-unavailable" className="text-base font-semibold">
        {notConfigured ? 'This console is not set up for this project' : 'You cannot use this project'}
      </h1>
      <p>
        Project <span className="font-mono break-all">{projectId}</span>{' '}
        {notConfigured
          ? 'is not one of the projects this console reads.'
          : user
            ? `is not one of the projects your IAM user ${user.name} (account ${user.domain}) may use.`
            : 'is not open to you on this console.'}
      </p>
      <p>
        {notConfigured
          ? 'Whoever runs the console can add it (HUAWEICLOUD_SDK_PROJECT_ID or CSMS_REGIONS on the console server).'
          : `An administrator of the ${user?.domain ?? 'Huawei Cloud'} account can give ${user ? 'you' : 'your user'} access to it in IAM; sign in again afterwards.`}
      </p>
      {projects.length > 0 && (
        <p>
          {user ? 'Your projects: ' : 'Projects of this console: '}
          {projects.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              <Link className="text-blue-700 underline dark:text-blue-400" to={paths.secrets(p.id)}>
                {p.name}
              </Link>
            </span>
          ))}
        </p>
      )}
      <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
        {error.code} · HTTP {error.status}
        {error.requestId && ` · request ${error.requestId}`}
      </p>
    </section>
  );
}
