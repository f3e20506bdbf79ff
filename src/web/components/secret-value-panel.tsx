// The click-to-reveal panel: the only place a value is read (on a click) or shown.
// Hidden: a fixed mask, nothing read. Revealed: hides itself after 60 s (visible countdown),
// when the tab is hidden and on pagehide, so Back never brings a value back unmasked. Inside a
// frame it stays shut: a page that frames the console could trick a click into a reveal or a copy.
// Keys: h hide, c copy (each beside its button); no key reveals: "r" is Refresh on the overviews,
// and a habit from there must never put a value on screen.
import { Trans, useLingui } from '@lingui/react/macro';
import { lazy, Suspense, useCallback, useEffect } from 'react';
import { flushSync } from 'react-dom';
import type { Secret } from '../../shared/schemas.ts';
import { reportValueUse } from '../api/audit.ts';
import { rawValue, useSecretValue } from '../api/secret-value.ts';
import { useCountdown } from '../lib/countdown.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { CopyStatus, useCopy } from './copy-status.tsx';
import { ErrorPanel } from './error-panel.tsx';
import { UnreadableReason } from './unreadable-reason.tsx';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';
import { MASK } from './value-mask.ts';

// What only a revealed value (or a refused read) shows is its own chunk: the page's first load does
// not carry it. It starts loading when a pointer or the focus reaches Reveal, and at the latest
// with the read itself, so the value does not wait for it.
const loadValueViews = () => import('./value-views.tsx');
const TextValueView = lazy(async () => ({ default: (await loadValueViews()).TextValueView }));
const BinaryValueView = lazy(async () => ({ default: (await loadValueViews()).BinaryValueView }));
const RevealRefusal = lazy(async () => ({ default: (await import('./reveal-refusal.tsx')).RevealRefusal }));

export const REVEAL_SECONDS = 60;
const BLOCKED_ID = 'value-blocked';

/** Framed by another page (clickjacking): the headers forbid it, and this is the last guard. */
const framed = () => {
  try {
    return window.top !== window.self;
  } catch {
    return true;
  }
};

export function SecretValuePanel(props: {
  projectId: string;
  secretName: string;
  versionId: string;
  secret: Pick<Secret, 'state' | 'scheduled_delete_time'>;
}) {
  const { projectId, secretName, versionId, secret } = props;
  const { t } = useLingui();
  const announce = useAnnounce();
  const value = useSecretValue({ projectId, secretName, versionId });
  const { hide, shownAt, refusal } = value;
  const refusedPermission = refusal?.permission;
  const revealed = value.status !== 'idle';
  const copy = useCopy();
  const report = (action: 'copy' | 'download') =>
    reportValueUse({ action, project_id: projectId, secret_name: secretName, version_id: versionId });

  // Countdown while the value is on screen, from when it arrived.
  const hideWhenDue = useCallback(() => {
    hide();
    announce(t`The value was hidden again.`);
  }, [hide, announce, t]);
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

  const copyValue = () =>
    void copy.copy({ what: t`Value`, read: async () => rawValue(await value.read()), onCopied: () => report('copy') });
  const copyField = (fieldValue: string, key: string) =>
    void copy.copy({ what: key, read: () => fieldValue, onCopied: () => report('copy') });

  const inFrame = framed();
  const stateAllows = secret.state === 'ENABLED';
  const readable = stateAllows && !refusal && !inFrame;
  const blocked = readable ? undefined : BLOCKED_ID;
  useShortcuts([
    { keys: ['h'], label: t`Hide the value`, run: hide, disabled: !revealed },
    { keys: ['c'], label: t`Copy the value`, run: copyValue, disabled: !readable },
  ]);
  return (
    <section aria-labelledby="value-heading" className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="value-heading" className="text-base font-semibold">
          <Trans>Value</Trans>
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          {shownAt !== undefined && (
            <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="off">
              <Trans>Hides in {secondsLeft} s</Trans>
            </span>
          )}
          {revealed ? (
            // After a failed read there is no value to hide, only the error to put away.
            <Button onClick={hide} aria-keyshortcuts="h">
              {value.error ? <Trans>Dismiss</Trans> : <Trans>Hide value</Trans>}
            </Button>
          ) : (
            <Button
              variant="primary"
              disabled={!readable}
              onClick={() => {
                loadValueViews().catch(() => undefined);
                value.reveal();
              }}
              onPointerEnter={() => void loadValueViews().catch(() => undefined)}
              onFocus={() => void loadValueViews().catch(() => undefined)}
              aria-describedby={blocked}
            >
              <Trans>Reveal value</Trans>
            </Button>
          )}
          <Button disabled={!readable} onClick={copyValue} aria-describedby={blocked} aria-keyshortcuts="c">
            <Trans>Copy value</Trans>
          </Button>
        </div>
      </div>
      {inFrame ? (
        <p id={BLOCKED_ID} className="text-sm text-amber-900 dark:text-amber-300">
          <Trans>
            This page is shown inside another page, which could trick a click: Reveal and Copy are off. Open the console in its own tab.
          </Trans>
        </p>
      ) : stateAllows ? (
        refusal && (
          <p id={BLOCKED_ID} className="text-sm text-amber-900 dark:text-amber-300">
            <Trans>
              CSMS refused to read this value: it needs the IAM permission {refusedPermission}. Reveal and Copy stay off until you leave
              this page.
            </Trans>
          </p>
        )
      ) : (
        <UnreadableReason secret={secret} id={BLOCKED_ID} />
      )}
      <CopyStatus state={copy.state} onRetry={(request) => void copy.copy(request)} />
      {value.error && (
        <Suspense fallback={null}>
          <RevealRefusal error={value.error} />
        </Suspense>
      )}
      {value.error ? (
        <ErrorPanel heading={t`The value could not be read`} error={value.error} onRetry={value.reveal} />
      ) : value.value ? (
        // The views' chunk started loading on the way to the click; should it still be on its way, the mask stays a moment.
        <Suspense fallback={<ValueMask revealed />}>
          {value.value.secret_binary !== undefined ? (
            <BinaryValueView
              base64={value.value.secret_binary}
              fileName={`${secretName}-${versionId}.bin`}
              onDownload={() => report('download')}
            />
          ) : (
            <TextValueView text={value.value.secret_string ?? ''} onCopyField={copyField} />
          )}
        </Suspense>
      ) : (
        // No mask where no value can be read at all: the reason above says why.
        stateAllows && !inFrame && <ValueMask revealed={revealed} refused={Boolean(refusal)} />
      )}
    </section>
  );
}

function ValueMask({ revealed, refused = false }: { revealed: boolean; refused?: boolean }) {
  const { t } = useLingui();
  return (
    <div aria-label={t`Value hidden`} className="flex items-center gap-3">
      <span aria-hidden="true" className="font-mono text-lg tracking-widest text-zinc-500 select-none dark:text-zinc-400">
        {MASK}
      </span>
      <span className="text-xs text-zinc-600 dark:text-zinc-400">
        {revealed ? <Trans>Loading…</Trans> : refused ? <Trans>Hidden.</Trans> : <Trans>Hidden. Each reveal or copy is logged.</Trans>}
      </span>
    </div>
  );
}
