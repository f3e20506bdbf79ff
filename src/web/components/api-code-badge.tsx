// A value of the CSMS API (SUCCESS, ENABLED …) in words of the page's language, with the code
// beside: the words are for reading, the code is what CSMS's documents and logs say.
import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Badge, type Tone } from './ui/badge.tsx';

type Codes = Record<string, { tone: Tone; words: MessageDescriptor }>;

export const NOTIFICATION_STATUS: Codes = {
  SUCCESS: { tone: 'green', words: msg`Delivered` },
  FAIL: { tone: 'red', words: msg`Not delivered` },
  INVALID: { tone: 'amber', words: msg`Invalid` },
};

export const EVENT_STATE: Codes = {
  ENABLED: { tone: 'green', words: msg`Enabled` },
  DISABLED: { tone: 'zinc', words: msg`Disabled` },
};

/** The code's badge; a code this console does not know is shown as sent, alone. */
export function ApiCodeBadge({ codes, code }: { codes: Codes; code: string }) {
  const { i18n } = useLingui();
  const known = codes[code];
  if (!known) return <Badge>{code}</Badge>;
  return (
    <Badge tone={known.tone}>
      <span className="font-sans">{i18n._(known.words)}</span> <span className="ml-1">{code}</span>
    </Badge>
  );
}
