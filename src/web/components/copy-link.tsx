// "Copy link": the page's address, which holds everything the page shows (never a value).
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';

export function CopyLink() {
  const { t } = useLingui();
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      onClick={async () => {
        await navigator.clipboard.writeText(window.location.href);
        setCopied(true);
        announce(t`Link copied.`);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? <Trans>Copied</Trans> : <Trans>Copy link</Trans>}
    </Button>
  );
}
