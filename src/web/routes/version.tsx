// Version detail: its metadata (from ListSecretVersions: CSMS has no metadata-only call for one
// version), `latest` resolved to its vN, the versions either side, compares one click away, and
// the reveal panel. Keys: [ and ] the previous and next version.
import { Trans, useLingui } from '@lingui/react/macro';
import { useSuspenseQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useNavigate } from 'react-router';
import { secretQueries } from '../api/secret-queries.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { CopyLink } from '../components/copy-link.tsx';
import { CopySummary } from '../components/copy-summary.tsx';
import { SecretHealth } from '../components/secret-health.tsx';
import { SecretValuePanel, SectionShortcuts, UseThisSecret, ValueReadsSection } from '../components/lazy-sections.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { SecretStateBadge } from '../components/secret-state-badge.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { latestOf, neighboursOf, VersionMetadataList } from '../components/version-metadata.tsx';
import { BUILT_IN_STAGES } from '../../shared/patterns.ts';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { paths } from '../lib/paths.ts';
import { useShortcuts } from '../lib/shortcuts.ts';

const LINK = 'text-blue-700 underline dark:text-blue-400';

// What a page of a version that does not exist says: its own chunk, loaded when one is missing.
const VersionMissing = lazy(() => import('../components/version-missing.tsx'));

export function Component() {
  const { t } = useLingui();
  const { projectId, secretName, versionId } = useCheckedParams('projectId', 'secretName', 'versionId');
  const { data: secret } = useSuspenseQuery(secretQueries.detail(projectId, secretName));
  const { data: page } = useSuspenseQuery(secretQueries.versions(projectId, secretName));
  const version = versionId === 'latest' ? latestOf(page.version_metadatas) : page.version_metadatas.find((v) => v.id === versionId);
  usePageTitle(secretName, version?.id ?? versionId);
  const navigate = useNavigate();
  const { previous, next } = version ? neighboursOf(page.version_metadatas, version.id) : {};
  const [previousId, nextId] = [previous?.id, next?.id];
  const shownId = version?.id ?? versionId;
  useShortcuts([
    {
      keys: ['['],
      label: t`Previous version`,
      run: () => previous && void navigate(paths.version(projectId, secretName, previous.id)),
      disabled: !previous,
    },
    {
      keys: [']'],
      label: t`Next version`,
      run: () => next && void navigate(paths.version(projectId, secretName, next.id)),
      disabled: !next,
    },
  ]);

  return (
    <div className="space-y-6">
      <SectionShortcuts from={{ projectId, secretName }} />
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">
          <Trans>
            <span className="font-mono break-all">{secretName}</span>{' '}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">version</span> <span className="font-mono">{shownId}</span>
          </Trans>
        </h1>
        {versionId === 'latest' && version && (
          <LatestNote projectId={projectId} secretName={secretName} latest={version} versions={page.version_metadatas} />
        )}
        <div className="flex items-center gap-2 text-sm">
          <Trans>Secret state:</Trans> <SecretStateBadge state={secret.state} />
        </div>
        <SecretHealth projectId={projectId} secret={secret} versions={page.version_metadatas} focus={{ version: shownId }} />
      </header>
      {version ? (
        <>
          <nav aria-label={t`Versions and compares`} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            {previous ? (
              <Link className={LINK} to={paths.version(projectId, secretName, previous.id)} aria-keyshortcuts="[">
                <Trans>← Previous version ({previousId})</Trans>
              </Link>
            ) : (
              <span className="text-zinc-600 dark:text-zinc-400">
                <Trans>No older version</Trans>
              </span>
            )}
            {next ? (
              <Link className={LINK} to={paths.version(projectId, secretName, next.id)} aria-keyshortcuts="]">
                <Trans>Next version ({nextId}) →</Trans>
              </Link>
            ) : (
              <span className="text-zinc-600 dark:text-zinc-400">
                <Trans>No newer version</Trans>
              </span>
            )}
            {!version.version_stages.includes('SYSCURRENT') && (
              <Link className={LINK} to={paths.compare(projectId, secretName, version.id, 'SYSCURRENT')}>
                <Trans>Same as SYSCURRENT?</Trans>
              </Link>
            )}
            {previous && (
              <Link className={LINK} to={paths.compare(projectId, secretName, previous.id, version.id)}>
                <Trans>Compare with previous</Trans>
              </Link>
            )}
          </nav>
          <div className="flex flex-wrap gap-2">
            <CopySummary
              projectId={projectId}
              secret={secret}
              versions={page.version_metadatas}
              focus={t`Version ${shownId}`}
              healthFocus={{ version: shownId }}
            />
            <CopyLink />
          </div>
          <VersionMetadataList version={version} projectId={projectId} />
          <SecretValuePanel key={version.id} projectId={projectId} secretName={secretName} versionId={version.id} secret={secret} />
          <UseThisSecret projectId={projectId} secretName={secretName} versionId={version.id} />
          <ValueReadsSection projectId={projectId} secretName={secretName} version={version.id} />
        </>
      ) : (
        <Suspense fallback={<Skeleton className="h-24" />}>
          <VersionMissing projectId={projectId} secretName={secretName} versionId={versionId} versions={page.version_metadatas} />
        </Suspense>
      )}
    </div>
  );
}

/** What "latest" is, and, when the newest version is not the one SYSCURRENT readers get, says so. */
function LatestNote({
  projectId,
  secretName,
  latest,
  versions,
}: {
  projectId: string;
  secretName: string;
  latest: VersionMetadata;
  versions: VersionMetadata[];
}) {
  const shownId = latest.id;
  const current = versions.find((v) => v.version_stages.includes(BUILT_IN_STAGES[0]));
  if (!current || current.id === latest.id)
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        <Trans>“latest” is the newest version: {shownId}.</Trans>
      </p>
    );
  const currentId = current.id;
  const link = (
    <Link className={`${LINK} font-mono`} to={paths.version(projectId, secretName, currentId)}>
      {currentId}
    </Link>
  );
  return (
    <p
      role="note"
      className="rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950/60 dark:text-amber-50"
    >
      <Trans>
        “latest” is {shownId}, not what SYSCURRENT readers get: SYSCURRENT is {link}.
      </Trans>
    </p>
  );
}
