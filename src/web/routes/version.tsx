// Version detail: its metadata (from ListSecretVersions: CSMS has no metadata-only call for one
// version), `latest` resolved to its vN, and the reveal panel.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { VersionMetadata } from '../../csms/schemas.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { MetadataList, Mono, None } from '../components/metadata-list.tsx';
import { SecretStateBadge } from '../components/secret-state-badge.tsx';
import { SecretValuePanel } from '../components/secret-value-panel.tsx';
import { TimeText } from '../components/time-text.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { isExpired, StageChip } from '../components/versions-table.tsx';
import { paths } from '../lib/paths.ts';

const versionNumber = (id: string) => Number(id.slice(1));

/** The newest version: the highest vN, whatever order the listing came in. */
export function latestOf(versions: VersionMetadata[]): VersionMetadata | undefined {
  return versions.reduce<VersionMetadata | undefined>(
    (best, v) => (!best || versionNumber(v.id) > versionNumber(best.id) ? v : best),
    undefined,
  );
}

export function VersionMetadataList({ version, projectId }: { version: VersionMetadata; projectId: string }) {
  return (
    <MetadataList
      label="Version metadata"
      items={[
        ['Version', <Mono>{version.id}</Mono>],
        ['Created', <TimeText value={version.create_time} />],
        [
          'Expires',
          version.expire_time == null ? (
            'never'
          ) : (
            <span className="flex flex-wrap items-center gap-1.5">
              <TimeText value={version.expire_time} />
              {isExpired(version) && <Badge tone="red">expired</Badge>}
            </span>
          ),
        ],
        ['KMS key', version.kms_key_id ? <Mono>{version.kms_key_id}</Mono> : <None />],
        [
          'Stages',
          version.version_stages.length ? (
            <span className="flex flex-wrap gap-1">
              {version.version_stages.map((s) => (
                <StageChip key={s} projectId={projectId} secretName={version.secret_name} stage={s} />
              ))}
            </span>
          ) : (
            'deprecated: no stage'
          ),
        ],
      ]}
    />
  );
}

export function Component() {
  const { projectId = '', secretName = '', versionId = '' } = useParams();
  const { data: secret } = useSuspenseQuery(secretQueries.detail(projectId, secretName));
  const { data: page } = useSuspenseQuery(secretQueries.versions(projectId, secretName));
  const version = versionId === 'latest' ? latestOf(page.version_metadatas) : page.version_metadatas.find((v) => v.id === versionId);

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
          <SecretValuePanel
            key={version.id}
            projectId={projectId}
            secretName={secretName}
            versionId={version.id}
            secretState={secret.state}
          />
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
