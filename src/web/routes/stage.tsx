// Stage inspection: where the stage points and since when (the version named once), that
// version's metadata, the secret's other stages, the reveal panel for that version, where the stage
// pointed at a chosen time (from CTS), and the answers a ticket wants.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { secretQueries } from '../api/secret-queries.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { CopyLink } from '../components/copy-link.tsx';
import { CopySummary } from '../components/copy-summary.tsx';
import { SecretHealth } from '../components/secret-health.tsx';
import { belowTheFold, SecretValuePanel, SectionShortcuts, UseThisSecret } from '../components/lazy-sections.tsx';
import { ErrorPanel } from '../components/error-panel.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { SecretStateBadge } from '../components/secret-state-badge.tsx';
import { TimeText } from '../components/time-text.tsx';
import { Skeleton } from '../components/ui/skeleton.tsx';
import { VersionMetadataList } from '../components/version-metadata.tsx';
import { StageMap } from '../components/stage-map.tsx';
import { fromAddressText } from '../lib/date-time-input.ts';
import { paths } from '../lib/paths.ts';
import { lazy, Suspense } from 'react';

// What a page of a stage that does not exist says: its own chunk, loaded when one is missing.
const StageMissing = lazy(() => import('../components/stage-missing.tsx'));
// The point-in-time question, below the fold: loaded after the first paint.
const StageAtPicker = belowTheFold(async () => (await import('../components/stage-at-picker.tsx')).StageAtPicker);

export function Component() {
  const { t } = useLingui();
  const { projectId, secretName, stageName } = useCheckedParams('projectId', 'secretName', 'stageName');
  usePageTitle(secretName, stageName);
  const { data: secret } = useSuspenseQuery(secretQueries.detail(projectId, secretName));
  const { data: page } = useSuspenseQuery(secretQueries.versions(projectId, secretName));
  const stage = useQuery(secretQueries.stage(projectId, secretName, stageName));
  const pointedAt = stage.data?.version_id;
  const version = page.version_metadatas.find((v) => v.id === pointedAt);
  const others = page.version_metadatas.map((v) => ({ ...v, version_stages: v.version_stages.filter((s) => s !== stageName) }));
  // The point-in-time question asked below goes into the ticket text too, answered when it is copied.
  const [search] = useSearchParams();
  const at = fromAddressText(search.get('at'));
  const pointInTime = at !== undefined && stage.data ? { stageName, at, updatedAt: stage.data.update_time } : undefined;

  return (
    <div className="space-y-6">
      <SectionShortcuts from={{ projectId, secretName }} />
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">
          <Trans>
            <span className="font-mono break-all">{secretName}</span>{' '}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">stage</span> <span className="font-mono">{stageName}</span>
          </Trans>
        </h1>
        <div className="flex items-center gap-2 text-sm">
          <Trans>Secret state:</Trans> <SecretStateBadge state={secret.state} />
        </div>
        <SecretHealth projectId={projectId} secret={secret} versions={page.version_metadatas} focus={{ stage: stageName }} />
        <div className="flex flex-wrap gap-2 pt-1">
          <CopySummary
            projectId={projectId}
            secret={secret}
            versions={page.version_metadatas}
            focus={t`Stage ${stageName}`}
            healthFocus={{ stage: stageName }}
            pointInTime={pointInTime}
          />
          <CopyLink />
        </div>
      </header>

      {stage.error?.kind === 'not-found' ? (
        <Suspense fallback={<Skeleton className="h-24" />}>
          <StageMissing projectId={projectId} secretName={secretName} stageName={stageName} versions={page.version_metadatas} />
        </Suspense>
      ) : stage.error ? (
        <ErrorPanel error={stage.error} onRetry={() => void stage.refetch()} />
      ) : stage.data ? (
        <>
          {/* The one place the version is named: the sections below are about it. */}
          <p className="text-base">
            {stage.data.update_time !== undefined ? (
              <Trans>
                <span className="font-mono">{stageName}</span> points at{' '}
                <Link
                  className="font-mono text-blue-700 underline dark:text-blue-400"
                  to={paths.version(projectId, secretName, stage.data.version_id)}
                >
                  {pointedAt}
                </Link>
                , since <TimeText value={stage.data.update_time} />.
              </Trans>
            ) : (
              <Trans>
                <span className="font-mono">{stageName}</span> points at{' '}
                <Link
                  className="font-mono text-blue-700 underline dark:text-blue-400"
                  to={paths.version(projectId, secretName, stage.data.version_id)}
                >
                  {pointedAt}
                </Link>
                .
              </Trans>
            )}
          </p>
          {stageName !== 'SYSCURRENT' && (
            <p className="text-sm">
              <Link
                className="text-blue-700 underline dark:text-blue-400"
                to={paths.compare(projectId, secretName, stageName, 'SYSCURRENT')}
              >
                <Trans>Same as SYSCURRENT?</Trans>
              </Link>
            </p>
          )}
          {version && (
            <section aria-labelledby="version-heading" className="space-y-3">
              <h2 id="version-heading" className="text-base font-semibold">
                <Trans>That version</Trans>
              </h2>
              <VersionMetadataList version={version} projectId={projectId} />
            </section>
          )}
          <section aria-labelledby="other-stages-heading" className="space-y-3">
            <h2 id="other-stages-heading" className="text-base font-semibold">
              <Trans>Other stages</Trans>
            </h2>
            <StageMap projectId={projectId} secretName={secretName} versions={others} emptyText={t`No other stage points at a version.`} />
          </section>
          <SecretValuePanel
            key={stage.data.version_id}
            projectId={projectId}
            secretName={secretName}
            versionId={stage.data.version_id}
            secret={secret}
          />
          <StageAtPicker
            projectId={projectId}
            secretName={secretName}
            stageName={stageName}
            current={{ version_id: stage.data.version_id, update_time: stage.data.update_time }}
          />
          <UseThisSecret projectId={projectId} secretName={secretName} stageName={stageName} />
        </>
      ) : (
        <p className="text-sm">
          <Trans>Loading the stage…</Trans>
        </p>
      )}
    </div>
  );
}
