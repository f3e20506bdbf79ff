// Secret detail: every field of the secret, its versions and where each stage points, when each
// stage moved and who called what on it (from CTS), and the answers a ticket wants.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { secretQueries } from '../api/secret-queries.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { CopyLink } from '../components/copy-link.tsx';
import { CopySummary } from '../components/copy-summary.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { RotationOverdue } from '../components/rotation-overdue.tsx';
import { SecretHealth } from '../components/secret-health.tsx';
import { SecretMetadata } from '../components/secret-metadata.tsx';
import { SecretStateExplained } from '../components/secret-state-explained.tsx';
import { belowTheFold, SectionShortcuts, ValueReadsSection } from '../components/lazy-sections.tsx';
import { CopyButton } from '../components/ui/copy-button.tsx';
import { StageMap } from '../components/stage-map.tsx';
import { paths } from '../lib/paths.ts';

// The sections below the fold only this page shows: one chunk, loaded after the first paint.
const sections = () => import('../components/secret-detail-sections.ts');
const VersionsPages = belowTheFold(async () => (await sections()).VersionsPages);
const StageTimeline = belowTheFold(async () => (await sections()).StageTimeline);
const ActivitySection = belowTheFold(async () => (await sections()).ActivitySection);

export function Component() {
  const { t } = useLingui();
  const { projectId, secretName } = useCheckedParams('projectId', 'secretName');
  usePageTitle(secretName);
  const { data: secret } = useSuspenseQuery(secretQueries.detail(projectId, secretName));
  const [markers, setMarkers] = useState<(string | undefined)[]>([undefined]);
  const marker = markers.at(-1);
  const versions = useQuery(secretQueries.versions(projectId, secretName, marker));
  // Health is judged on the first page of versions, as the overview judges it.
  const firstVersions = useQuery(secretQueries.versions(projectId, secretName)).data?.version_metadatas;
  const page = versions.data;

  return (
    <div className="space-y-8">
      <SectionShortcuts />
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="font-mono text-xl font-semibold break-all">{secret.name}</h1>
          <CopyButton text={secret.name} label={t`Copy secret name`} />
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
        <div className="flex flex-wrap items-center gap-2">
          <CopySummary projectId={projectId} secret={secret} versions={page?.version_metadatas ?? []} />
          <CopyLink />
          <Link
            className="text-sm text-blue-700 underline dark:text-blue-400"
            to={paths.compare(projectId, secretName, 'SYSPREVIOUS', 'SYSCURRENT')}
          >
            <Trans>Compare values</Trans>
          </Link>
        </div>
      </header>
      <SecretHealth projectId={projectId} secret={secret} versions={firstVersions} />

      <section aria-labelledby="metadata-heading" className="space-y-3">
        <h2 id="metadata-heading" className="text-base font-semibold">
          <Trans>Metadata</Trans>
        </h2>
        <SecretMetadata secret={secret} projectId={projectId} />
      </section>

      <section aria-labelledby="stages-heading" className="space-y-3">
        <h2 id="stages-heading" tabIndex={-1} className="text-base font-semibold">
          <Trans>Stages</Trans>
        </h2>
        {page && <StageMap projectId={projectId} secretName={secretName} versions={page.version_metadatas} />}
      </section>

      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" tabIndex={-1} className="text-base font-semibold">
          <Trans>Versions</Trans>
        </h2>
        <VersionsPages projectId={projectId} secretName={secretName} markers={markers} setMarkers={setMarkers} />
      </section>

      <StageTimeline projectId={projectId} secretName={secretName} />
      <ActivitySection projectId={projectId} secretName={secretName} />
      <ValueReadsSection projectId={projectId} secretName={secretName} />
    </div>
  );
}
