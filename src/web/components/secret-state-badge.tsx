// A secret's state: its badge and what it means (the secret pages say more: secret-state-explained.tsx).
import { i18n as activeI18n, type I18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import type { Secret } from '../../shared/schemas.ts';
import { toMillis } from '../lib/time.ts';
import { Badge, type Tone } from './ui/badge.tsx';

export type StateOf = Pick<Secret, 'state' | 'scheduled_delete_time'>;

const STATES: Record<string, { tone: Tone; label: MessageDescriptor; meaning: MessageDescriptor }> = {
  ENABLED: { tone: 'green', label: msg`Enabled`, meaning: msg`Its values can be read.` },
  DISABLED: {
    tone: 'amber',
    label: msg`Disabled`,
    meaning: msg`No value can be read until it is enabled again.`,
  },
  PENDING_DELETE: {
    tone: 'red',
    label: msg`Pending deletion`,
    meaning: msg`No value can be read; it can be restored until it is deleted.`,
  },
  FROZEN: {
    tone: 'violet',
    label: msg`Frozen`,
    meaning: msg`No value can be read until it is unfrozen (a freeze follows, for example, an overdue bill or a security hold).`,
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

/** When a secret pending deletion is to be deleted (ms); none in any other state. */
export const deletionOf = (secret: StateOf) =>
  secret.state === 'PENDING_DELETE' && secret.scheduled_delete_time !== undefined ? toMillis(secret.scheduled_delete_time) : undefined;
