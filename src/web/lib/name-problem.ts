// Why a secret or stage name in an address or a box is refused, in the page's language: the same
// rule as the server's check (CSMS's naming rule), said to a person who can act on it.
import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { NAME_PATTERN } from '../../shared/patterns.ts';
import { translate } from '../i18n/lazy-message.ts';

const MAX_LENGTH = 64;

/** Why the name is refused, to be read in the page's language; null when it is fine. */
export function nameProblemMessage(value: string, of: 'secret' | 'stage'): MessageDescriptor | null {
  const length = value.length;
  const secret = of === 'secret';
  if (length === 0) return secret ? msg`A secret name is required.` : msg`A stage name is required.`;
  if (length > MAX_LENGTH)
    return secret
      ? msg`A secret name is at most ${MAX_LENGTH} characters (this one has ${length}).`
      : msg`A stage name is at most ${MAX_LENGTH} characters (this one has ${length}).`;
  if (!NAME_PATTERN.test(value))
    return secret
      ? msg`A secret name may contain only letters, digits, "_" and "-".`
      : msg`A stage name may contain only letters, digits, "_" and "-".`;
  return null;
}

/** Why the name is refused, in the page's language now; null when it is fine. */
export function nameProblemIn(value: string, of: 'secret' | 'stage'): string | null {
  const problem = nameProblemMessage(value, of);
  return problem && translate(problem);
}
