import type { Secret } from '../../csms/schemas.ts';
import { MetadataList, Mono, None } from './metadata-list.tsx';
import { TimeText } from './time-text.tsx';
import { CopyButton } from './ui/copy-button.tsx';

/** Every field of a secret, with human labels. */
export function SecretMetadata({ secret }: { secret: Secret }) {
  return (
    <MetadataList
      label="Secret metadata"
      items={[
        [
          'ID',
          <span className="flex items-center gap-1">
            <Mono>{secret.id}</Mono>
            <CopyButton text={secret.id} label="Copy secret id" />
          </span>,
        ],
        ['Type', <Mono>{secret.secret_type ?? 'COMMON'}</Mono>],
        ['KMS key', secret.kms_key_id ? <Mono>{secret.kms_key_id}</Mono> : <None />],
        ['Created', <TimeText value={secret.create_time} />],
        ['Updated', <TimeText value={secret.update_time} />],
        ['Scheduled deletion', <TimeText value={secret.scheduled_delete_time} />],
        ['Automatic rotation', secret.auto_rotation ? `On, every ${secret.rotation_period ?? '?'}` : 'Off'],
        ['Last rotation', <TimeText value={secret.rotation_time} />],
        ['Next rotation', <TimeText value={secret.next_rotation_time} />],
        ['Rotation function', secret.rotation_func_urn ? <Mono>{secret.rotation_func_urn}</Mono> : <None />],
        ['Rotation config', secret.rotation_config ? <Mono>{secret.rotation_config}</Mono> : <None />],
        ['Event subscriptions', secret.event_subscriptions?.length ? <Mono>{secret.event_subscriptions.join(', ')}</Mono> : <None />],
        ['Enterprise project', secret.enterprise_project_id ? <Mono>{secret.enterprise_project_id}</Mono> : <None />],
      ]}
    />
  );
}
