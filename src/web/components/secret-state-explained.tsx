// A secret's state on its page: the badge with what the state means and, for a pending deletion,
// its date and countdown.
import { Trans, useLingui } from '@lingui/react/macro';
import { formatCountdown } from '../lib/time.ts';
import { deletionOf, SecretStateBadge, stateInfo, type StateOf } from './secret-state-badge.tsx';
import { TimeText } from './time-text.tsx';

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
