// What a copy of a value did: "Copied — clears in 30 s" counting down, then whether the clipboard
// was cleared; or why nothing was copied. A failed copy also takes an earlier value of this
// console off the clipboard, so the person does not paste that one for the one asked for.
import { t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { clearEarlierCopy, CLIPBOARD_CLEAR_MS, copySecret, type ClearOutcome } from '../lib/clipboard.ts';
import { useCountdown } from '../lib/countdown.ts';
import { ErrorPanel } from './error-panel.tsx';
import { useAnnounce } from './ui/live-region.tsx';

const CLEAR_SECONDS = CLIPBOARD_CLEAR_MS / 1000;

export interface CopyRequest {
  /** "Value" (the whole value: a word the page never shows as such), or the field's key. */
  what: string;
  read: () => Promise<string> | string;
  onCopied: () => void;
}

const WHOLE_VALUE = 'Value';

const notCopied = (what: string) => (what === WHOLE_VALUE ? t`Value could not be copied` : t`${what} could not be copied`);

type CopyState =
  | { kind: 'copied'; what: string; at: number; outcome?: ClearOutcome }
  | { kind: 'failed'; request: CopyRequest; error: unknown; clearedEarlier: boolean };

/** Copies what a request reads (a value, or one field of it) and keeps what happened for `CopyStatus`. */
export function useCopy() {
  const announce = useAnnounce();
  const [state, setState] = useState<CopyState | null>(null);
  const copy = useCallback(
    async (request: CopyRequest) => {
      setState(null);
      let outcome: Promise<ClearOutcome>;
      try {
        ({ outcome } = await copySecret(await request.read()));
      } catch (error) {
        const clearedEarlier = await clearEarlierCopy();
        setState({ kind: 'failed', request, error, clearedEarlier });
        announce(notCopied(request.what));
        return;
      }
      request.onCopied();
      const at = Date.now();
      setState({ kind: 'copied', what: request.what, at });
      const what = request.what;
      announce(
        what === WHOLE_VALUE
          ? t`Value copied. The clipboard is cleared in ${CLEAR_SECONDS} seconds.`
          : t`${what} copied. The clipboard is cleared in ${CLEAR_SECONDS} seconds.`,
      );
      void outcome.then((ended) => setState((s) => (s?.kind === 'copied' && s.at === at ? { ...s, outcome: ended } : s)));
    },
    [announce],
  );
  return { state, copy };
}

export function CopyStatus({ state, onRetry }: { state: CopyState | null; onRetry: (request: CopyRequest) => void }) {
  const { t } = useLingui();
  const left = useCountdown(state?.kind === 'copied' && !state.outcome ? state.at : undefined, CLEAR_SECONDS);
  if (!state) return null;
  if (state.kind === 'copied') {
    const what = state.what;
    return (
      <p className="text-sm text-green-800 tabular-nums dark:text-green-300">
        {state.outcome === 'cleared'
          ? t`The clipboard was cleared.`
          : state.outcome === 'kept'
            ? t`The clipboard holds something else now: it was left as it is.`
            : state.outcome === 'superseded'
              ? null
              : what === WHOLE_VALUE
                ? t`Copied — clears in ${left} s`
                : t`${what} copied — clears in ${left} s`}
      </p>
    );
  }
  const cleared = state.clearedEarlier && (
    <> {t`The value copied earlier was taken off the clipboard, so it cannot be pasted by mistake.`}</>
  );
  if (state.error instanceof ApiError)
    return (
      <div className="space-y-1">
        <ErrorPanel heading={notCopied(state.request.what)} error={state.error} onRetry={() => onRetry(state.request)} />
        <p className="text-sm">
          <Trans>Nothing was copied.</Trans>
          {cleared}
        </p>
      </div>
    );
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      <Trans>The browser did not let the console write to the clipboard: nothing was copied.</Trans>
      {cleared}
    </p>
  );
}
