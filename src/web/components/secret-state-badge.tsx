import type { Secret } from '../../csms/schemas.ts';
import { formatCountdown, formatLocal, toMillis } from '../lib/time.ts';
import { Badge, type Tone } from './ui/badge.tsx';

const STATES: Record<string, { tone: Tone; label: string; meaning: string }> = {
  ENABLED: { tone: 'green', label: 'Enabled', meaning: 'Values can be read.' },
  DISABLED: { tone: 'amber', label: 'Disabled', meaning: 'Values cannot be read while the secret is disabled.' },
  PENDING_DELETE: {
    tone: 'red',
    label: 'Pending deletion',
    meaning: 'Scheduled for deletion; values cannot be read. It can still be restored until then.',
  },
  FROZEN: {
    tone: 'violet',
    label: 'Frozen',
    meaning: 'Frozen (for example for an overdue account or a security hold); values cannot be read.',
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

/** The badge with what the state means, and for a pending deletion its date and countdown. */
export function SecretStateExplained({ secret }: { secret: Secret }) {
  const info = stateInfo(secret.state);
  const deletion = secret.scheduled_delete_time ? toMillis(secret.scheduled_delete_time) : undefined;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <SecretStateBadge state={secret.state} />
      <span className="text-zinc-700 dark:text-zinc-300">{info.meaning}</span>
      {secret.state === 'PENDING_DELETE' && deletion !== undefined && (
        <span className="font-medium text-red-800 dark:text-red-300">
          Deleted on {formatLocal(deletion)} (in {formatCountdown(deletion)}).
        </span>
      )}
    </div>
  );
}
