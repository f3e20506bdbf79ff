import { useLingui } from '@lingui/react/macro';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { KmsKeyField } from './kms-key.tsx';
import { MetadataList, None } from './metadata-list.tsx';
import { TimeText } from './time-text.tsx';
import { Badge } from './ui/badge.tsx';
import { sortStages } from '../lib/stages.ts';
import { isExpired, NoStage, StageChip } from './stage-map.tsx';

const versionNumber = (id: string) => Number(id.slice(1));

/** The newest version: the highest vN, whatever order the listing came in. */
export function latestOf(versions: VersionMetadata[]): VersionMetadata | undefined {
  return versions.reduce<VersionMetadata | undefined>(
    (best, v) => (!best || versionNumber(v.id) > versionNumber(best.id) ? v : best),
    undefined,
  );
}

/** The versions just older and just newer than `id`, by number. */
export function neighboursOf(versions: VersionMetadata[], id: string): { previous?: VersionMetadata; next?: VersionMetadata } {
  const n = versionNumber(id);
  let previous: VersionMetadata | undefined;
  let next: VersionMetadata | undefined;
  for (const v of versions) {
    const m = versionNumber(v.id);
    if (m < n && (!previous || m > versionNumber(previous.id))) previous = v;
    if (m > n && (!next || m < versionNumber(next.id))) next = v;
  }
  return { previous, next };
}

export function VersionMetadataList({ version, projectId }: { version: VersionMetadata; projectId: string }) {
  const { t } = useLingui();
  return (
    <MetadataList
      label={t`Version metadata`}
      items={[
        [t`Created`, <TimeText value={version.create_time} />],
        [
          t`Expires`,
          version.expire_time == null ? (
            t`never`
          ) : (
            <span className="flex flex-wrap items-center gap-1.5">
              <TimeText value={version.expire_time} />
              {isExpired(version) && <Badge tone="red">{t`expired`}</Badge>}
            </span>
          ),
        ],
        [t`KMS key`, version.kms_key_id ? <KmsKeyField projectId={projectId} keyId={version.kms_key_id} /> : <None />, 'wide'],
        [
          t`Stages`,
          version.version_stages.length ? (
            <span className="flex flex-wrap gap-1">
              {sortStages(version.version_stages).map((s) => (
                <StageChip key={s} projectId={projectId} secretName={version.secret_name} stage={s} />
              ))}
            </span>
          ) : (
            <NoStage />
          ),
        ],
      ]}
    />
  );
}
