// The click-to-reveal panel: the only place a value is read (on a click) or shown.
// Hidden: a fixed mask, nothing read. Revealed: hides itself after 60 s (visible countdown),
// when the tab is hidden and on pagehide, so Back never brings a value back unmasked.
import { useCallback, useEffect } from 'react';
import { flushSync } from 'react-dom';
import type { Secret } from '../../csms/schemas.ts';
import { permissionFor } from '../api/api-error.ts';
import { reportValueUse } from '../api/audit.ts';
import { rawValue, useSecretValue } from '../api/secret-value.ts';
import { useCountdown } from '../lib/countdown.ts';
import { CopyStatus, useCopy } from './copy-status.tsx';
import { ErrorPanel } from './error-panel.tsx';
import { UnreadableReason } from './secret-state-badge.tsx';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';
import { BinaryValueView, MASK, TextValueView } from './value-views.tsx';

export const REVEAL_SECONDS = 60;
const BLOCKED_ID = 'value-blocked';

export function SecretValuePanel(props: {
  projectId: string;
  secretName: string;
  versionId: string;
  secret: Pick<Secret, 'state' | 'scheduled_delete_time'>;
}) {
  const { projectId, secretName, versionId, secret } = props;
  const announce = useAnnounce();
  const value = useSecretValue({ projectId, secretName, versionId });
  const { hide, shownAt, refusal } = value;
  const revealed = value.status !== 'idle';
  const copy = useCopy();
  const report = (action: 'copy' | 'download') =>
    reportValueUse({ action, project_id: projectId, secret_name: secretName, version_id: versionId });

  // Countdown while the value is on screen, from when it arrived.
  const hideWhenDue = useCallback(() => {
    hide();
    announce('The value was hidden again.');
  }, [hide, announce]);
  const secondsLeft = useCountdown(shownAt, REVEAL_SECONDS, hideWhenDue);

  // Hide synchronously when the tab is hidden or the page goes into the back/forward cache.
  useEffect(() => {
    if (!revealed) return;
    const hideNow = () => flushSync(hide);
    const onVisibility = () => document.visibilityState === 'hidden' && hideNow();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', hideNow);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', hideNow);
    };
  }, [revealed, hide]);

  const copyValue = () => void copy.copy({ what: 'Value', read: async () => rawValue(await value.read()), onCopied: () => report('copy') });
  const copyField = (fieldValue: string, key: string) =>
    void copy.copy({ what: key, read: () => fieldValue, onCopied: () => report('copy') });

  const stateAllows = secret.state === 'ENABLED';
  const readable = stateAllows && !refusal;
  const blocked = readable ? undefined : BLOCKED_ID;
  return (
    <section aria-labelledby="value-heading" className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="value-heading" className="text-base font-semibold">
          Value
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          {shownAt !== undefined && (
            <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="off">
              Hides in {secondsLeft} s
            </span>
          )}
          {revealed ? (
            // After a failed read there is no value to hide, only the error to put away.
            <Button onClick={hide}>{value.error ? 'Dismiss' : 'Hide value'}</Button>
          ) : (
            <Button variant="primary" disabled={!readable} onClick={value.reveal} aria-describedby={blocked}>
              Reveal value
            </Button>
          )}
          <Button disabled={!readable} onClick={copyValue} aria-describedby={blocked}>
            Copy value
          </Button>
        </div>
      </div>
      {stateAllows ? (
        refusal && (
          <p id={BLOCKED_ID} className="text-sm text-amber-900 dark:text-amber-300">
            CSMS refused to read this value: it needs the IAM permission {permissionFor(refusal.operation)}. Reveal and Copy stay off until
            you leave this page.
          </p>
        )
      ) : (
        <UnreadableReason secret={secret} id={BLOCKED_ID} />
      )}
      <CopyStatus state={copy.state} onRetry={(request) => void copy.copy(request)} />
      {value.error ? (
        <ErrorPanel heading="The value could not be read" error={value.error} onRetry={value.reveal} />
      ) : value.value ? (
        value.value.secret_binary !== undefined ? (
          <BinaryValueView
            base64={value.value.secret_binary}
            fileName={`${secretName}-${versionId}.bin`}
            onDownload={() => report('download')}
          />
        ) : (
          <TextValueView text={value.value.secret_string ?? ''} onCopyField={copyField} />
        )
      ) : (
        // No mask where no value can be read at all: the reason above says why.
        stateAllows && (
          <div aria-label="Value hidden" className="flex items-center gap-3">
            <span aria-hidden="true" className="font-mono text-lg tracking-widest text-zinc-500 select-none dark:text-zinc-400">
              {MASK}
            </span>
            <span className="text-xs text-zinc-600 dark:text-zinc-400">
              {revealed ? 'Loading…' : refusal ? 'Hidden.' : 'Hidden. Each reveal or copy is logged.'}
            </span>
          </div>
        )
      )}
    </section>
  );
}
