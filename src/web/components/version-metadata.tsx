import type { VersionMetadata } from '../../csms/schemas.ts';
import { MetadataList, Mono, None } from './metadata-list.tsx';
import { TimeText } from './time-text.tsx';
import { Badge } from './ui/badge.tsx';
import { sortStages } from '../lib/stages.ts';
import { isExpired, NoStage, StageChip } from './versions-table.tsx';

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
