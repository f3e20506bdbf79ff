// The secret page's versions section, below the fold: the page of versions shown, a page at a
// time, with its error or its wait. Loaded after the first paint (routes/secret-detail.tsx); the
// page has asked for the versions already (its loader), so this asks for nothing new.
import { Trans } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import type { Dispatch, SetStateAction } from 'react';
import { secretQueries, VERSIONS_PAGE_SIZE } from '../api/secret-queries.ts';
import { ErrorPanel } from './error-panel.tsx';
import { Button } from './ui/button.tsx';
import { VersionsTable } from './versions-table.tsx';

/** `markers`: the pages read so far, the one shown last (undefined: the first). */
export function VersionsPages({
  projectId,
  secretName,
  markers,
  setMarkers,
}: {
  projectId: string;
  secretName: string;
  markers: (string | undefined)[];
  setMarkers: Dispatch<SetStateAction<(string | undefined)[]>>;
}) {
  const versions = useQuery(secretQueries.versions(projectId, secretName, markers.at(-1)));
  const page = versions.data;
  const nextMarker =
    page && page.version_metadatas.length >= VERSIONS_PAGE_SIZE
      ? (page.page_info.next_marker ?? page.version_metadatas.at(-1)?.id)
      : undefined;
  return (
    <>
      {versions.error ? (
        <ErrorPanel error={versions.error} onRetry={() => void versions.refetch()} />
      ) : page ? (
        <VersionsTable projectId={projectId} secretName={secretName} versions={page.version_metadatas} />
      ) : (
        <p className="text-sm">
          <Trans>Loading versions…</Trans>
        </p>
      )}
      {(markers.length > 1 || nextMarker) && (
        <div className="flex gap-2">
          <Button disabled={markers.length <= 1} onClick={() => setMarkers((m) => m.slice(0, -1))}>
            <Trans>Previous page</Trans>
          </Button>
          <Button disabled={!nextMarker} onClick={() => setMarkers((m) => [...m, nextMarker])}>
            <Trans>Next page</Trans>
          </Button>
        </div>
      )}
    </>
  );
}
