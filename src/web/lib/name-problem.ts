// Why a secret or stage name in an address or a box is refused, in the page's language: the same
// rule as the server's check (CSMS's naming rule), said to a person who can act on it.
import { t } from '@lingui/core/macro';
import { NAME_PATTERN } from '../../csms/patterns.ts';

const MAX_LENGTH = 64;

export function nameProblemIn(value: string, of: 'secret' | 'stage'): string | null {
  const length = value.length;
  const secret = of === 'secret';
  if (length === 0) return secret ? t`A secret name is required.` : t`A stage name is required.`;
  if (length > MAX_LENGTH)
    return secret
      ? t`A secret name is at most ${MAX_LENGTH} characters (this one has ${length}).`
      : t`A stage name is at most ${MAX_LENGTH} characters (this one has ${length}).`;
  if (!NAME_PATTERN.test(value))
    return secret
      ? t`A secret name may contain only letters, digits, "_" and "-".`
      : t`A stage name may contain only letters, digits, "_" and "-".`;
  return null;
}
