// A secret's state: its badge, what it means, and why no value can be read in it, each said once
// and with the deletion date where there is one.
import { i18n as activeI18n, type I18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import type { Secret } from '../../shared/schemas.ts';
import { formatCountdown, toMillis } from '../lib/time.ts';
import { TimeText } from './time-text.tsx';
import { Badge, type Tone } from './ui/badge.tsx';

type StateOf = Pick<Secret, 'state' | 'scheduled_delete_time'>;

const STATES: Record<string, { tone: Tone; label: MessageDescriptor; meaning: MessageDescriptor; unreadable?: MessageDescriptor }> = {
  ENABLED: { tone: 'green', label: msg`Enabled`, meaning: msg`Its values can be read.` },
  DISABLED: {
    tone: 'amber',
    label: msg`Disabled`,
    meaning: msg`No value can be read until it is enabled again.`,
    unreadable: msg`No value can be read while the secret is disabled.`,
  },
  PENDING_DELETE: {
    tone: 'red',
    label: msg`Pending deletion`,
    meaning: msg`No value can be read; it can be restored until it is deleted.`,
    unreadable: msg`No value can be read while the secret is pending deletion.`,
  },
  FROZEN: {
    tone: 'violet',
    label: msg`Frozen`,
    meaning: msg`No value can be read until it is unfrozen (a freeze follows, for example, an overdue bill or a security hold).`,
    unreadable: msg`No value can be read while the secret is frozen.`,
  },
};

/** The state's badge colour, name and meaning, in the page's language (a state CSMS adds later as sent). */
export function stateInfo(state: string, i18n: I18n = activeI18n) {
  const known = STATES[state];
  if (!known) return { tone: 'zinc' as const, label: state, meaning: i18n._(msg`A state this console does not know.`) };
  return { tone: known.tone, label: i18n._(known.label), meaning: i18n._(known.meaning) };
}

export function SecretStateBadge({ state }: { state: string }) {
  const { i18n } = useLingui();
  const info = stateInfo(state, i18n);
  return (
    <Badge tone={info.tone} title={info.meaning}>
      {info.label}
    </Badge>
  );
}

const deletionOf = (secret: StateOf) =>
  secret.state === 'PENDING_DELETE' && secret.scheduled_delete_time !== undefined ? toMillis(secret.scheduled_delete_time) : undefined;

/** The badge with what the state means; for a pending deletion, its date and countdown. */
export function SecretStateExplained({ secret }: { secret: StateOf }) {
  const { i18n } = useLingui();
  const deletion = deletionOf(secret);
  if (deletion === undefined)
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <SecretStateBadge state={secret.state} />
        <span className="text-zinc-700 dark:text-zinc-300">{stateInfo(secret.state, i18n).meaning}</span>
      </div>
    );
  const countdown = formatCountdown(deletion);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <SecretStateBadge state={secret.state} />
      <span className="text-zinc-700 dark:text-zinc-300">
        <span className="font-medium text-red-800 dark:text-red-300">
          <Trans>
            To be deleted on <TimeText value={deletion} /> (in {countdown}).
          </Trans>
        </span>{' '}
        <Trans>Until then no value can be read, and the secret can be restored.</Trans>
      </span>
    </div>
  );
}

/** Why no value of the secret can be read, in one sentence; nothing when it can be. */
export function UnreadableReason({ secret, id }: { secret: StateOf; id: string }) {
  const { t } = useLingui();
  if (secret.state === 'ENABLED') return null;
  const deletion = deletionOf(secret);
  const known = STATES[secret.state]?.unreadable;
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
