// "Copy error details": what a support ticket needs of an error (code, message, request id, the
// time in UTC, the page's address). An error never holds a value.
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { ErrorDetails } from '../lib/ticket-text.ts';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';

export function CopyErrorDetails({ error, className = '' }: { error: ErrorDetails; className?: string }) {
  const { t } = useLingui();
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      className={className}
      onClick={async () => {
        // The text builders load on the first click: no page needs them to render.
        const { errorDetails } = await import('../lib/ticket-text.ts');
        await navigator.clipboard.writeText(errorDetails(error, window.location.href, Date.now()));
        setCopied(true);
        announce(t`Error details copied.`);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? <Trans>Copied</Trans> : <Trans>Copy error details</Trans>}
    </Button>
  );
}
