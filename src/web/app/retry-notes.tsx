// What a read being retried says: what failed, when or which try is next, and a Cancel that shows
// the error at once. Its own chunk, loaded when a read is first retried: most pages never need it.
import type { MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { EndpointName } from '../../shared/console-endpoints.ts';
import { ApiError } from '../api/api-error.ts';
import { Button } from '../components/ui/button.tsx';
import { MAX_RETRIES, nextTryOf, stopRetrying } from './query-client.ts';

const WHAT: Partial<Record<EndpointName, MessageDescriptor>> = {
  ListSecrets: msg`Loading the secrets`,
  Overview: msg`Loading the secrets`,
  ShowSecret: msg`Loading the secret`,
  SecretPage: msg`Loading the secret`,
  ListSecretVersions: msg`Loading the versions`,
  ShowSecretStage: msg`Loading the stage`,
  Config: msg`Loading the console settings`,
};
const WHAT_ELSE = msg`Loading the page`;

function retryMessage(error: ApiError, failureCount: number, now: number): string {
  const attempt = failureCount + 1;
  const tries = MAX_RETRIES + 1;
  const next = nextTryOf(error);
  const seconds = next === undefined ? 0 : Math.ceil((next - now) / 1000);
  const status = error.status;
  if (error.kind === 'throttled')
    return seconds > 0 ? t`CSMS is busy, trying again in ${seconds} s` : t`CSMS is busy, trying again (${attempt} of ${tries})`;
  if (error.kind === 'network') return t`The console server cannot be reached, trying again (${attempt} of ${tries})`;
  if (status === 504) return t`No answer yet from CSMS, trying again (${attempt} of ${tries})`;
  return t`CSMS is not answering (HTTP ${status}), trying again (${attempt} of ${tries})`;
}

export default function RetryNotes({ queries, signature }: { queries: Query[]; signature: string }) {
  const { t, i18n } = useLingui();
  const client = useQueryClient();
  const now = useTicks(signature);
  return queries.map((query) => {
    const { fetchFailureReason: error, fetchFailureCount } = query.state;
    if (!(error instanceof ApiError)) return null;
    const loading = i18n._((error.endpoint && WHAT[error.endpoint]) || WHAT_ELSE);
    const detail = retryMessage(error, fetchFailureCount, now);
    return (
      <div key={query.queryHash} className="border-b border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/60">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
          <span>{t`${loading}: ${detail}`}</span>
          <Button size="sm" onClick={() => stopRetrying(client, query)}>
            <Trans>Cancel</Trans>
          </Button>
        </div>
      </div>
    );
  });
}

/** The time, read again at once when `what` changes, then four times a second while it is not empty. */
function useTicks(what: string): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!what) return;
    const update = () => setNow(Date.now());
    const first = setTimeout(update, 0);
    const timer = setInterval(update, 250);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [what]);
  return now;
}
