// The click-to-reveal panel: the only place a value is read (on a click) or shown.
// Hidden: a fixed mask, nothing read. Revealed: hides itself after 60 s (visible countdown),
// when the tab is hidden and on pagehide, so Back never brings a value back unmasked.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { reportValueUse } from '../api/audit.ts';
import { rawValue, useSecretValue } from '../api/secret-value.ts';
import { copySecret, CLIPBOARD_CLEAR_MS } from '../lib/clipboard.ts';
import { ErrorPanel } from './error-panel.tsx';
import { stateInfo } from './secret-state-badge.tsx';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';
import { BinaryValueView, MASK, TextValueView } from './value-views.tsx';

export const REVEAL_SECONDS = 60;

export function SecretValuePanel(props: { projectId: string; secretName: string; versionId: string; secretState: string }) {
  const { projectId, secretName, versionId, secretState } = props;
  const announce = useAnnounce();
  const value = useSecretValue({ projectId, secretName, versionId });
  const { hide, shownAt } = value;
  const revealed = value.status !== 'idle';
  const report = (action: 'copy' | 'download') =>
    reportValueUse({ action, project_id: projectId, secret_name: secretName, version_id: versionId });

  // Countdown while the value is on screen, from when it arrived.
  const shown = value.value !== undefined;
  const [now, setNow] = useState(Date.now);
  const secondsLeft = Math.min(REVEAL_SECONDS, REVEAL_SECONDS - Math.floor((now - shownAt) / 1000));
  useEffect(() => {
    if (!shown) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current - shownAt >= REVEAL_SECONDS * 1000) {
        hide();
        announce('The value was hidden again.');
      }
    }, 250);
    return () => clearInterval(timer);
  }, [shown, shownAt, hide, announce]);

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

  const copyValue = async () => {
    try {
      await copySecret(rawValue(await value.read()));
      report('copy');
      announce(`Value copied. The clipboard is cleared in ${CLIPBOARD_CLEAR_MS / 1000} seconds.`);
    } catch {
      announce('The value could not be copied.');
    }
  };
  const copyField = async (fieldValue: string, key: string) => {
    await copySecret(fieldValue).then(
      () => {
        report('copy');
        announce(`${key} copied. The clipboard is cleared in ${CLIPBOARD_CLEAR_MS / 1000} seconds.`);
      },
      () => announce(`${key} could not be copied.`),
    );
  };

  const readable = secretState === 'ENABLED';
  return (
    <section aria-labelledby="value-heading" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="value-heading" className="text-base font-semibold">
          Value of {versionId}
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          {shown && (
            <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="off">
              Hides in {secondsLeft} s
            </span>
          )}
          {revealed ? (
            // After a failed read there is no value to hide, only the error to put away.
            <Button onClick={hide}>{value.error ? 'Dismiss' : 'Hide value'}</Button>
          ) : (
            <Button
              variant="primary"
              disabled={!readable}
              onClick={value.reveal}
              aria-describedby={readable ? undefined : 'value-unreadable'}
            >
              Reveal value
            </Button>
          )}
          <Button disabled={!readable} onClick={copyValue} aria-describedby={readable ? undefined : 'value-unreadable'}>
            Copy value
          </Button>
        </div>
      </div>
      <div className="mt-3">
        {!readable && (
          <p id="value-unreadable" className="mb-2 text-sm text-amber-900 dark:text-amber-300">
            The value cannot be read: {stateInfo(secretState).meaning}
          </p>
        )}
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
          <div aria-label="Value hidden" className="flex items-center gap-3">
            <span aria-hidden="true" className="font-mono text-lg tracking-widest text-zinc-500 select-none dark:text-zinc-400">
              {MASK}
            </span>
            <span className="text-xs text-zinc-600 dark:text-zinc-400">
              {revealed ? 'Loading…' : 'Hidden. Each reveal or copy is logged.'}
            </span>
          </div>
        )}
      </div>
    </section>
  );
}
