// Why no value of a secret can be read in its state, in one sentence, with the deletion date where
// there is one: beside the value panel's buttons.
import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { deletionOf, type StateOf } from './secret-state-badge.tsx';
import { TimeText } from './time-text.tsx';

const UNREADABLE: Record<string, MessageDescriptor> = {
  DISABLED: msg`No value can be read while the secret is disabled.`,
  PENDING_DELETE: msg`No value can be read while the secret is pending deletion.`,
  FROZEN: msg`No value can be read while the secret is frozen.`,
};

/** Why no value of the secret can be read, in one sentence; nothing when it can be. */
export function UnreadableReason({ secret, id }: { secret: StateOf; id: string }) {
  const { t } = useLingui();
  if (secret.state === 'ENABLED') return null;
  const deletion = deletionOf(secret);
  const known = UNREADABLE[secret.state];
  const state = secret.state;
  return (
    <p id={id} className="text-sm text-amber-900 dark:text-amber-300">
      {deletion !== undefined ? (
        <Trans>
          No value can be read: the secret is to be deleted on <TimeText value={deletion} />.
        </Trans>
      ) : known ? (
        t(known)
      ) : (
        t`No value can be read in the state ${state}.`
      )}
    </p>
  );
}
