// A secret's state: its badge, what it means, and why no value can be read in it, each said once
// and with the deletion date where there is one.
import type { Secret } from '../../csms/schemas.ts';
import { formatCountdown, toMillis } from '../lib/time.ts';
import { TimeText } from './time-text.tsx';
import { Badge, type Tone } from './ui/badge.tsx';

type StateOf = Pick<Secret, 'state' | 'scheduled_delete_time'>;

const STATES: Record<string, { tone: Tone; label: string; meaning: string }> = {
  ENABLED: { tone: 'green', label: 'Enabled', meaning: 'Its values can be read.' },
  DISABLED: { tone: 'amber', label: 'Disabled', meaning: 'No value can be read until it is enabled again.' },
  PENDING_DELETE: { tone: 'red', label: 'Pending deletion', meaning: 'No value can be read; it can be restored until it is deleted.' },
  FROZEN: {
    tone: 'violet',
    label: 'Frozen',
    meaning: 'No value can be read until it is unfrozen (a freeze follows, for example, an overdue bill or a security hold).',
  },
};

export function stateInfo(state: string) {
  return STATES[state] ?? { tone: 'zinc' as const, label: state, meaning: 'A state this console does not know.' };
}

export function SecretStateBadge({ state }: { state: string }) {
  const info = stateInfo(state);
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
  const deletion = deletionOf(secret);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <SecretStateBadge state={secret.state} />
      {deletion === undefined ? (
        <span className="text-zinc-700 dark:text-zinc-300">{stateInfo(secret.state).meaning}</span>
      ) : (
        <span className="text-zinc-700 dark:text-zinc-300">
          <span className="font-medium text-red-800 dark:text-red-300">
            To be deleted on <TimeText value={deletion} /> (in {formatCountdown(deletion)}).
          </span>{' '}
          Until then no value can be read, and the secret can be restored.
        </span>
      )}
    </div>
  );
}

/** Why no value of the secret can be read, in one sentence; nothing when it can be. */
export function UnreadableReason({ secret, id }: { secret: StateOf; id: string }) {
  if (secret.state === 'ENABLED') return null;
  const deletion = deletionOf(secret);
  const label = stateInfo(secret.state).label;
  return (
    <p id={id} className="text-sm text-amber-900 dark:text-amber-300">
      {deletion !== undefined ? (
        <>
          No value can be read: the secret is to be deleted on <TimeText value={deletion} />.
        </>
      ) : STATES[secret.state] ? (
        `No value can be read while the secret is ${label.toLowerCase()}.`
      ) : (
        `No value can be read in the state ${label}.`
      )}
    </p>
  );
}
