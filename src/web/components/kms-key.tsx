// A secret's KMS key in words: its alias and state on the secret and version pages (why a key that
// is not enabled stops every value: key-not-enabled.tsx). A state that could not be read is
// "unknown", with the permission it needs: never "disabled".
import { Trans, useLingui } from '@lingui/react/macro';
import type { KmsKeyState } from '../../shared/console-api.ts';
import { useKeyState } from '../api/kms-key.ts';
import { Mono } from './metadata-list.tsx';
import { Badge, type Tone } from './ui/badge.tsx';

type KeyStateCode = Extract<KmsKeyState, { ok: true }>['key_state'];
const TONE: Record<KeyStateCode, Tone> = { '1': 'amber', '2': 'green', '3': 'red', '4': 'red', '5': 'amber' };

export function useKeyStateName() {
  const { t } = useLingui();
  return (state: KeyStateCode) =>
    ({ '1': t`Pending activation`, '2': t`Enabled`, '3': t`Disabled`, '4': t`Pending deletion`, '5': t`Pending import` })[state];
}

/** The key field of the secret and version pages: alias, state and id. */
export function KmsKeyField({ projectId, keyId }: { projectId: string; keyId: string }) {
  const { t } = useLingui();
  const key = useKeyState(projectId, keyId);
  const stateName = useKeyStateName();
  const permission = key && !key.ok ? key.permission : undefined;
  return (
    <span className="flex flex-wrap items-center gap-2" data-kms-key={keyId}>
      {key === undefined ? (
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{t`Reading the key…`}</span>
      ) : key.ok ? (
        <>
          <span className="font-mono">{key.key_alias}</span>
          <Badge tone={TONE[key.key_state]}>{stateName(key.key_state)}</Badge>
        </>
      ) : (
        <span>
          <Badge tone="zinc">{t`State unknown`}</Badge>{' '}
          <span className="text-xs text-zinc-700 dark:text-zinc-300">
            {permission ? (
              <Trans>
                Reading it needs the IAM permission <span className="font-mono">{permission}</span>.
              </Trans>
            ) : (
              <span className="font-mono">
                {key.code} {key.message}
              </span>
            )}
          </span>
        </span>
      )}
      <Mono>{keyId}</Mono>
    </span>
  );
}
