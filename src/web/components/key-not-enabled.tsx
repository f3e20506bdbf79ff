// Why a secret's KMS key that is not enabled stops every value, and who can change it: said where a
// flag of the key is listed (the overview's attention, a secret's flags), which load on demand.
import { Trans } from '@lingui/react/macro';
import type { NotEnabledKeyState } from '../../shared/health.ts';

/** Why a key that is not enabled matters, and who can change it. */
export function KeyNotEnabled({ alias, state }: { alias: string; state: NotEnabledKeyState }) {
  return state === '4' ? (
    <Trans>
      Its KMS key <span className="font-mono">{alias}</span> is pending deletion: no value can be read. Ask the key's administrator to
      cancel the deletion in KMS before it runs, or the values are lost.
    </Trans>
  ) : state === '3' ? (
    <Trans>
      Its KMS key <span className="font-mono">{alias}</span> is disabled: no value can be read. Ask the key's administrator to enable it in
      KMS.
    </Trans>
  ) : (
    <Trans>
      Its KMS key <span className="font-mono">{alias}</span> is not enabled yet: no value can be read until it is.
    </Trans>
  );
}
