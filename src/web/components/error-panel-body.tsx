// Every failure as the person can act on it: what failed, CSMS's code, message and request id, a
// retry where it can help, and the details to paste into a ticket.
import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import type { ApiError } from '../api/api-error.ts';
import { CopyErrorDetails } from './copy-error-details.tsx';
import { Button } from './ui/button.tsx';

function title(error: ApiError, i18n: I18n): string {
  switch (error.kind) {
    case 'not-found':
      return i18n._(msg`Not found`);
    case 'invalid':
      return i18n._(msg`Invalid request`);
    case 'unauthenticated':
      return i18n._(msg`Not signed in to Huawei Cloud`);
    case 'forbidden':
      return i18n._(msg`Permission denied`);
    case 'throttled':
      return i18n._(msg`Too many requests`);
    case 'network':
      return i18n._(msg`Network error`);
    case 'bad-response':
      return i18n._(msg`Unexpected answer`);
    default:
      return error.status === 504 ? i18n._(msg`CSMS did not answer in time`) : i18n._(msg`CSMS is unavailable`);
  }
}

function advice(error: ApiError, i18n: I18n): string | undefined {
  switch (error.kind) {
    case 'unauthenticated':
      return i18n._(
        msg`CSMS refused the credentials of the console server. Check its HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or sign in again), then retry.`,
      );
    case 'forbidden': {
      const permission = error.permission;
      return permission
        ? i18n._(msg`This call needs the IAM permission ${permission} on this project.`)
        : i18n._(msg`Your IAM identity may not make this call.`);
    }
    case 'throttled': {
      const seconds = error.retryAfterSeconds;
      return seconds !== undefined
        ? i18n._(msg`CSMS asked to wait ${seconds} s before the next try.`)
        : i18n._(msg`Wait a moment before trying again.`);
    }
    case 'network':
    case 'unavailable':
      return i18n._(msg`Try again in a moment.`);
    case 'bad-response':
      return i18n._(msg`Try again; if it keeps happening, tell whoever runs the console.`);
    default:
      return undefined;
  }
}

/** Every failure, with the CSMS code, message and request id, and a retry where it can help. */
export default function ErrorPanelBody({ error, onRetry, heading }: { error: ApiError; onRetry?: () => void; heading?: string }) {
  const { i18n } = useLingui();
  const [wait, setWait] = useState(error.kind === 'throttled' ? (error.retryAfterSeconds ?? 0) : 0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const canRetry = onRetry && (error.retryable || error.kind === 'bad-response');
  const tip = advice(error, i18n);
  return (
    <section
      role="alert"
      aria-labelledby="error-title"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <h2 id="error-title" className="text-base font-semibold text-red-900 dark:text-red-200">
        {heading ?? title(error, i18n)}
      </h2>
      <p className="mt-1 text-red-900 dark:text-red-200">{error.message}</p>
      {tip && <p className="mt-1 text-zinc-800 dark:text-zinc-200">{tip}</p>}
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 font-mono text-xs text-zinc-800 dark:text-zinc-300">
        <dt>
          <Trans>Code</Trans>
        </dt>
        <dd>{error.code}</dd>
        <dt>HTTP</dt>
        <dd>{error.status || '—'}</dd>
        <dt>
          <Trans>Request id</Trans>
        </dt>
        <dd className="break-all">{error.requestId ?? '—'}</dd>
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        {canRetry && (
          <Button onClick={onRetry} disabled={wait > 0}>
            {wait > 0 ? <Trans>Retry in {wait} s</Trans> : <Trans>Retry</Trans>}
          </Button>
        )}
        <CopyErrorDetails error={{ code: error.code, message: error.message, status: error.status, requestId: error.requestId }} />
      </div>
    </section>
  );
}
