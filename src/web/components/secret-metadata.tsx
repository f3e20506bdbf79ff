// Every field of a secret, in groups (identity, rotation, deletion, encryption), in words: the
// empty ones folded away, the rotation period spelled out, an overdue rotation flagged.
import { useLingui } from '@lingui/react/macro';
import type { Secret } from '../../shared/schemas.ts';
import { formatRotationPeriod } from '../lib/rotation.ts';
import { BreakAfterColons, MetadataGroup, Mono, type Field } from './metadata-list.tsx';
import { KmsKeyField } from './kms-key.tsx';
import { RotationOverdue } from './rotation-overdue.tsx';
import { TimeText } from './time-text.tsx';
import { CopyButton } from './ui/copy-button.tsx';

const time = (value: number | undefined) => (value === undefined ? null : <TimeText value={value} />);
const mono = (value: string | undefined) => (value ? <Mono>{value}</Mono> : null);

/** A rotation config is JSON text: shown indented when it parses, as it is otherwise. */
function RotationConfig({ text }: { text: string }) {
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: as it is
  }
  return <pre className="font-mono text-xs break-words whitespace-pre-wrap">{shown}</pre>;
}

export function SecretMetadata({ secret, projectId }: { secret: Secret; projectId: string }) {
  const { t } = useLingui();
  const identity: Field[] = [
    [
      'ID',
      <span className="flex items-center gap-1">
        <Mono>{secret.id}</Mono>
        <CopyButton text={secret.id} label={t`Copy secret id`} />
      </span>,
      'wide',
    ],
    [t`Type`, <Mono>{secret.secret_type ?? 'COMMON'}</Mono>],
    [t`Created`, time(secret.create_time)],
    [t`Updated`, time(secret.update_time)],
    [t`Event subscriptions`, secret.event_subscriptions?.length ? <Mono>{secret.event_subscriptions.join(', ')}</Mono> : null],
    [t`Enterprise project`, mono(secret.enterprise_project_id)],
  ];
  const rotation: Field[] = [
    [
      t`Automatic rotation`,
      secret.auto_rotation ? (secret.rotation_period ? formatRotationPeriod(secret.rotation_period) : t`On`) : t`Off`,
    ],
    [t`Last rotation`, time(secret.rotation_time)],
    [
      t`Next rotation`,
      secret.next_rotation_time === undefined ? null : (
        <span className="flex flex-wrap items-center gap-1.5">
          <TimeText value={secret.next_rotation_time} />
          <RotationOverdue secret={secret} />
        </span>
      ),
    ],
    [t`Rotation function`, secret.rotation_func_urn ? <BreakAfterColons text={secret.rotation_func_urn} /> : null, 'wide'],
    [t`Rotation config`, secret.rotation_config ? <RotationConfig text={secret.rotation_config} /> : null, 'wide'],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <MetadataGroup title={t`Identity`} fields={identity} />
      <MetadataGroup title={t`Rotation`} fields={rotation} />
      <MetadataGroup
        title={t`Encryption`}
        fields={[[t`KMS key`, secret.kms_key_id ? <KmsKeyField projectId={projectId} keyId={secret.kms_key_id} /> : null, 'wide']]}
      />
      <MetadataGroup title={t`Deletion`} fields={[[t`Scheduled deletion`, time(secret.scheduled_delete_time)]]} />
    </div>
  );
}
