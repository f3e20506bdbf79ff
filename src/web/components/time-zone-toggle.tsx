// Switches every time on the page between the browser's zone and UTC.
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { zoneLabel } from '../lib/time.ts';
import { chooseTimeZone, useTimeZone } from '../lib/time-zone.ts';
import { Button } from './ui/button.tsx';

export function TimeZoneToggle() {
  const { t } = useLingui();
  const zone = useTimeZone();
  const [local] = useState(() => zoneLabel(Date.now(), 'local'));
  const shown = zone === 'utc' ? 'UTC' : local;
  const next = zone === 'utc' ? t`local time (${local})` : 'UTC';
  return (
    <Button
      variant="ghost"
      onClick={() => chooseTimeZone(zone === 'utc' ? 'local' : 'utc')}
      // The name begins with the words shown, so a voice command that reads them finds the button.
      aria-label={t`Times: ${shown}. Show them in ${next}`}
      title={t`Show times in ${next}`}
    >
      <Trans>
        <span className="max-sm:sr-only">Times: </span>
        {shown}
      </Trans>
    </Button>
  );
}
