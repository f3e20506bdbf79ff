// Secret detail: every field of the secret, its versions and where each stage points.
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { secretQueries, VERSIONS_PAGE_SIZE } from '../api/secret-queries.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { ErrorPanel } from '../components/error-panel.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { RotationOverdue } from '../components/rotation-overdue.tsx';
import { SecretMetadata } from '../components/secret-metadata.tsx';
import { SecretStateExplained } from '../components/secret-state-badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { CopyButton } from '../components/ui/copy-button.tsx';
import { StageMap, VersionsTable } from '../components/versions-table.tsx';

export function Component() {
  const { projectId, secretName } = useCheckedParams('projectId', 'secretName');
  usePageTitle(secretName);
  const { data: secret } = useSuspenseQuery(secretQueries.detail(projectId, secretName));
  const [markers, setMarkers] = useState<(string | undefined)[]>([undefined]);
  const marker = markers.at(-1);
  const versions = useQuery(secretQueries.versions(projectId, secretName, marker));
  const page = versions.data;
  const nextMarker =
    page && page.version_metadatas.length >= VERSIONS_PAGE_SIZE
      ? (page.page_info.next_marker ?? page.version_metadatas.at(-1)?.id)
      : undefined;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="font-mono text-xl font-semibold break-all">{secret.name}</h1>
          <CopyButton text={secret.name} label="Copy secret name" />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SecretStateExplained secret={secret} />
          <RotationOverdue secret={secret} short />
        </div>
        {secret.description ? (
          <p data-testid="secret-description" className="max-w-3xl text-sm whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">
            {secret.description}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="metadata-heading" className="space-y-3">
        <h2 id="metadata-heading" className="text-base font-semibold">
          Metadata
        </h2>
        <SecretMetadata secret={secret} />
      </section>

      <section aria-labelledby="stages-heading" className="space-y-3">
        <h2 id="stages-heading" className="text-base font-semibold">
          Stages
        </h2>
        {page && <StageMap projectId={projectId} secretName={secretName} versions={page.version_metadatas} />}
      </section>

      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-base font-semibold">
          Versions
        </h2>
        {versions.error ? (
          <ErrorPanel error={versions.error} onRetry={() => void versions.refetch()} />
        ) : page ? (
          <VersionsTable projectId={projectId} secretName={secretName} versions={page.version_metadatas} />
        ) : (
          <p className="text-sm">Loading versions…</p>
        )}
        {(markers.length > 1 || nextMarker) && (
          <div className="flex gap-2">
            <Button disabled={markers.length <= 1} onClick={() => setMarkers((m) => m.slice(0, -1))}>
              Previous page
            </Button>
            <Button disabled={!nextMarker} onClick={() => setMarkers((m) => [...m, nextMarker])}>
              Next page
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
