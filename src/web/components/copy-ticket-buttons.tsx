// A pair of buttons that copy text for a ticket, plain or Markdown, each saying "Copied" for a
// moment and announcing it to screen readers. What the text holds is the caller's: every builder
// in lib/ticket-text.ts takes metadata only.
import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import type { TicketFormat } from '../lib/ticket-text.ts';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';

export function CopyTicketButtons({
  text,
  labels,
  announcement,
}: {
  text: (format: TicketFormat) => string | Promise<string>;
  labels: Record<TicketFormat, string>;
  /** Said to screen readers once copied. */
  announcement: string;
}) {
  const announce = useAnnounce();
  const [copied, setCopied] = useState<TicketFormat>();
  const copy = async (format: TicketFormat) => {
    await navigator.clipboard.writeText(await text(format));
    setCopied(format);
    announce(announcement);
    setTimeout(() => setCopied(undefined), 1500);
  };
  return (
    <span className="inline-flex flex-wrap gap-1">
      {(['text', 'markdown'] as const).map((format) => (
        <Button key={format} size="sm" onClick={() => void copy(format)}>
          {copied === format ? <Trans>Copied</Trans> : labels[format]}
        </Button>
      ))}
    </span>
  );
}
