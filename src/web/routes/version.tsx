// Version detail: its metadata (from ListSecretVersions: CSMS has no metadata-only call for one
// version), `latest` resolved to its vN, and the reveal panel.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { secretQueries } from '../api/secret-queries.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { usePageTitle } from '../components/page-title.ts';
import { SecretStateBadge } from '../components/secret-state-badge.tsx';
import { SecretValuePanel } from '../components/secret-value-panel.tsx';
import { latestOf, VersionMetadataList } from '../components/version-metadata.tsx';
import { paths } from '../lib/paths.ts';

export function Component() {
  const { projectId, secretName, versionId } = useCheckedParams('projectId', 'secretName', 'versionId');
  const { data: secret } = useSuspenseQuery(secretQueries.detail(projectId, secretName));
  const { data: page } = useSuspenseQuery(secretQueries.versions(projectId, secretName));
  const version = versionId === 'latest' ? latestOf(page.version_metadatas) : page.version_metadatas.find((v) => v.id === versionId);
  usePageTitle(secretName, version?.id ?? versionId);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">
          <span className="font-mono break-all">{secretName}</span>{' '}
          <span className="font-normal text-zinc-600 dark:text-zinc-400">version</span>{' '}
          <span className="font-mono">{version?.id ?? versionId}</span>
        </h1>
        {versionId === 'latest' && version && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">“latest” is the newest version: {version.id}.</p>
        )}
        <div className="flex items-center gap-2 text-sm">
          Secret state: <SecretStateBadge state={secret.state} />
        </div>
      </header>
      {version ? (
        <>
          <VersionMetadataList version={version} projectId={projectId} />
          <SecretValuePanel key={version.id} projectId={projectId} secretName={secretName} versionId={version.id} secret={secret} />
        </>
      ) : (
        <section
          role="alert"
          className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          <h2 className="font-semibold">Version {versionId} does not exist</h2>
          <p>
            {secretName} has {page.version_metadatas.length === 0 ? 'no versions' : 'these versions: '}
            {page.version_metadatas.map((v, i) => (
              <span key={v.id}>
                {i > 0 && ', '}
                <Link className="font-mono text-blue-700 underline dark:text-blue-400" to={paths.version(projectId, secretName, v.id)}>
                  {v.id}
                </Link>
              </span>
            ))}
          </p>
        </section>
      )}
    </div>
  );
}
