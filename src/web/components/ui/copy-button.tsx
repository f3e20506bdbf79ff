import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useAnnounce } from './live-region.tsx';
import { Button } from './button.tsx';

/** Copies non-secret text (a name, an id) and says so. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useLingui();
  const [copied, setCopied] = useState(false);
  const announce = useAnnounce();
  return (
    <Button
      variant="ghost"
      size="xs"
      aria-label={label}
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
        announce(t`Copied to the clipboard.`);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? t`Copied` : t`Copy`}
    </Button>
  );
}
