import { useEffect, useState } from 'react';
import { permissionFor, type ApiError } from '../api/api-error.ts';
import { Button } from './ui/button.tsx';

function title(error: ApiError): string {
  switch (error.kind) {
    case 'not-found':
      return 'Not found';
    case 'invalid':
      return 'Invalid request';
    case 'unauthenticated':
      return 'Not signed in to Huawei Cloud';
    case 'forbidden':
      return 'Permission denied';
    case 'throttled':
      return 'Too many requests';
    case 'network':
      return 'Network error';
    case 'bad-response':
      return 'Unexpected answer';
    default:
      return error.status === 504 ? 'CSMS did not answer in time' : 'CSMS is unavailable';
  }
}

function advice(error: ApiError): string | undefined {
  switch (error.kind) {
    case 'unauthenticated':
      return 'CSMS refused the credentials of the console server. Check its HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or sign in again), then retry.';
    case 'forbidden': {
      const permission = permissionFor(error.operation);
      return permission ? `This call needs the IAM permission ${permission} on this project.` : 'Your IAM identity may not make this call.';
    }
    case 'throttled':
      return error.retryAfterSeconds !== undefined
        ? `CSMS asked to wait ${error.retryAfterSeconds} s before the next try.`
        : 'Wait a moment before trying again.';
    case 'network':
    case 'unavailable':
      return 'Try again in a moment.';
    case 'bad-response':
      return 'Try again; if it keeps happening, tell whoever runs the console.';
    default:
      return undefined;
  }
}

/** Every failure, with the CSMS code, message and request id, and a retry where it can help. */
export function ErrorPanel({ error, onRetry, heading }: { error: ApiError; onRetry?: () => void; heading?: string }) {
  const [wait, setWait] = useState(error.kind === 'throttled' ? (error.retryAfterSeconds ?? 0) : 0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const canRetry = onRetry && (error.retryable || error.kind === 'bad-response');
  return (
    <section
      role="alert"
      aria-labelledby="error-title"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <h2 id="error-title" className="text-base font-semibold text-red-900 dark:text-red-200">
        {heading ?? title(error)}
      </h2>
      <p className="mt-1 text-red-900 dark:text-red-200">{error.message}</p>
      {advice(error) && <p className="mt-1 text-zinc-800 dark:text-zinc-200">{advice(error)}</p>}
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 font-mono text-xs text-zinc-800 dark:text-zinc-300">
        <dt>Code</dt>
        <dd>{error.code}</dd>
        <dt>HTTP</dt>
        <dd>{error.status || '—'}</dd>
        <dt>Request id</dt>
        <dd className="break-all">{error.requestId ?? '—'}</dd>
      </dl>
      {canRetry && (
        <Button className="mt-3" onClick={onRetry} disabled={wait > 0}>
          {wait > 0 ? `Retry in ${wait} s` : 'Retry'}
        </Button>
      )}
    </section>
  );
}
