// A stage page's stage that does not exist on the secret: said so, the same name in another case
// offered (stage names are case-sensitive), and the stages that do exist.
import { Trans } from '@lingui/react/macro';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { paths } from '../lib/paths.ts';
import { sameButCase } from '../lib/secret-filter.ts';
import { DidYouMean } from './did-you-mean.tsx';
import { StageMap } from './stage-map.tsx';

export default function StageMissing({
  projectId,
  secretName,
  stageName,
  versions,
}: {
  projectId: string;
  secretName: string;
  stageName: string;
  versions: VersionMetadata[];
}) {
  const stageSuggestion = sameButCase(
    stageName,
    versions.flatMap((v) => v.version_stages),
  );
  return (
    <section
      role="alert"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h2 className="font-semibold">
        <Trans>
          Stage {stageName} does not exist on {secretName}
        </Trans>
      </h2>
      {stageSuggestion && (
        <p>
          <DidYouMean to={paths.stage(projectId, secretName, stageSuggestion)} name={stageSuggestion} />{' '}
          <Trans>Stage names are case-sensitive.</Trans>
        </p>
      )}
      <p>
        <Trans>Its stages are:</Trans>
      </p>
      <StageMap projectId={projectId} secretName={secretName} versions={versions} />
    </section>
  );
}
