// "Copy result": a compare's result as a ticket wants it (plain text or Markdown): the verdict,
// each side's version, fingerprint and shape, and key by key what changed. The result the page
// holds has no value in it, so neither has the text.
import { useLingui } from '@lingui/react/macro';
import type { CompareResult } from '../../shared/console-api.ts';
import { compareText } from '../lib/ticket-text.ts';
import { CopyTicketButtons } from './copy-ticket-buttons.tsx';

export function CopyCompareResult({ result }: { result: CompareResult }) {
  const { t } = useLingui();
  return (
    <CopyTicketButtons
      text={(format) => compareText(result, window.location.href, format)}
      labels={{ text: t`Copy result`, markdown: t`Copy result as Markdown` }}
      announcement={t`Result copied.`}
    />
  );
}
