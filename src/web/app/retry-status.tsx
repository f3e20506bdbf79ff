// While a read is being retried, the page says so (what failed, when or which try is next) with a
// Cancel that shows the error at once, instead of a "Loading…" that lasts half a minute. The words
// load with the first retry (retry-notes.tsx); the live region is there from the start.
import { useLingui } from '@lingui/react/macro';
import { useQueryClient, type Query } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useSyncExternalStore } from 'react';

const RetryNotes = lazy(() => import('./retry-notes.tsx'));

const isRetrying = (q: Query) => q.state.fetchStatus === 'fetching' && q.state.fetchFailureCount > 0;

export function RetryStatus() {
  const { t } = useLingui();
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const signature = useSyncExternalStore(subscribe, () =>
    cache
      .findAll({ predicate: isRetrying })
      .map((q) => `${q.queryHash}#${q.state.fetchFailureCount}`)
      .join('|'),
  );
  return (
    <div role="status" aria-label={t`Retrying`} className="empty:hidden">
      {signature && (
        <Suspense fallback={null}>
          <RetryNotes queries={cache.findAll({ predicate: isRetrying })} signature={signature} />
        </Suspense>
      )}
    </div>
  );
}
