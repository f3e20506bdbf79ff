// "Copy result": a compare's result as a ticket wants it (plain text or Markdown): the verdict,
// each side's version, fingerprint and shape, and key by key what changed. The result the page
// holds has no value in it, so neither has the text.
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { CompareResult } from '../../shared/console-api.ts';
import { compareText, type TicketFormat } from '../lib/ticket-text.ts';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';

export function CopyCompareResult({ result }: { result: CompareResult }) {
  const { t } = useLingui();
  const announce = useAnnounce();
  const [copied, setCopied] = useState<TicketFormat>();
  const copy = async (format: TicketFormat) => {
    await navigator.clipboard.writeText(compareText(result, window.location.href, format));
    setCopied(format);
    announce(t`Result copied.`);
    setTimeout(() => setCopied(undefined), 1500);
  };
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Button size="sm" onClick={() => void copy('text')}>
        {copied === 'text' ? <Trans>Copied</Trans> : <Trans>Copy result</Trans>}
      </Button>
      <Button size="sm" onClick={() => void copy('markdown')}>
        {copied === 'markdown' ? <Trans>Copied</Trans> : <Trans>Copy result as Markdown</Trans>}
      </Button>
    </span>
  );
}
