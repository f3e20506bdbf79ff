// A version page's version that does not exist on the secret: said so, with the versions that do.
import { Trans } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { paths } from '../lib/paths.ts';

export default function VersionMissing({
  projectId,
  secretName,
  versionId,
  versions,
}: {
  projectId: string;
  secretName: string;
  versionId: string;
  versions: VersionMetadata[];
}) {
  return (
    <section
      role="alert"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h2 className="font-semibold">
        <Trans>Version {versionId} does not exist</Trans>
      </h2>
      <p>
        {versions.length === 0 ? <Trans>{secretName} has no versions.</Trans> : <Trans>{secretName} has these versions:</Trans>}{' '}
        {versions.map((v, i) => (
          <span key={v.id}>
            {i > 0 && ', '}
            <Link className="font-mono text-blue-700 underline dark:text-blue-400" to={paths.version(projectId, secretName, v.id)}>
              {v.id}
            </Link>
          </span>
        ))}
      </p>
    </section>
  );
}
