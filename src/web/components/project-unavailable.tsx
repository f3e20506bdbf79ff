// A project the console refused outright, in one message: which project, that this person cannot
// use it here, and who can change that.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ApiError } from '../api/api-error.ts';
import { configQuery } from '../api/config-query.ts';
import { paths } from '../lib/paths.ts';
import { InlineList } from './inline-list.tsx';

export function ProjectUnavailable({ projectId, error }: { projectId: string; error: ApiError }) {
  const { t } = useLingui();
  const { data: config } = useQuery(configQuery);
  const user = config?.auth === 'iam' ? config.user : null;
  const projects = config?.projects ?? [];
  const notConfigured = error.status === 404;
  const userName = user?.name;
  const domain = user?.domain;
  const project = <span className="font-mono break-all">{projectId}</span>;
  const { status, code, requestId } = error;
  const projectLinks = (
    <InlineList
      items={projects.map((p) => ({
        key: p.id,
        node: (
          <Link className="text-blue-700 underline dark:text-blue-400" to={paths.secrets(p.id)}>
            {p.name}
          </Link>
        ),
      }))}
    />
  );
  return (
    <section
      role="alert"
      aria-labelledby="project-unavailable"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h1 id="project-unavailable" className="text-base font-semibold">
        {notConfigured ? t`This console is not set up for this project` : t`You cannot use this project`}
      </h1>
      <p>
        {notConfigured ? (
          <Trans>Project {project} is not one of the projects this console reads.</Trans>
        ) : user ? (
          <Trans>
            Project {project} is not one of the projects your IAM user {userName} (account {domain}) may use.
          </Trans>
        ) : (
          <Trans>Project {project} is not open to you on this console.</Trans>
        )}
      </p>
      <p>
        {notConfigured
          ? t`Whoever runs the console can add it (HUAWEICLOUD_SDK_PROJECT_ID or CSMS_REGIONS on the console server).`
          : user
            ? t`An administrator of the ${domain} account can give you access to it in IAM; sign in again afterwards.`
            : t`An administrator of the Huawei Cloud account can give your user access to it in IAM; sign in again afterwards.`}
      </p>
      {projects.length > 0 && (
        <p>{user ? <Trans>Your projects: {projectLinks}</Trans> : <Trans>Projects of this console: {projectLinks}</Trans>}</p>
      )}
      <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
        {code} · HTTP {status}
        {requestId && ` · ${t`request ${requestId}`}`}
      </p>
    </section>
  );
}
