import { QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import { configQuery } from '../api/config-query.ts';
import { leaveForSignIn } from '../api/session.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

export const MAX_RETRIES = 2;
/** A longer Retry-After is shown at once with the time to wait, not waited out behind "Loading". */
export const LONGEST_QUIET_WAIT_SECONDS = 10;

/** When the next try of a failed request starts (ms), by its error: the retry banner counts down to it. */
const nextTries = new WeakMap<object, number>();
export const nextTryOf = (error: object): number | undefined => nextTries.get(error);

/** Exponential backoff with full jitter, or the server's Retry-After when it sent one. */
export function retryDelay(attempt: number, error: unknown): number {
  const delay =
    error instanceof ApiError && error.retryAfterSeconds !== undefined
      ? error.retryAfterSeconds * 1000
      : Math.random() * Math.min(8000, 500 * 2 ** attempt);
  if (error instanceof ApiError) nextTries.set(error, Date.now() + delay);
  return delay;
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.retryable || failureCount >= MAX_RETRIES) return false;
  return error.retryAfterSeconds === undefined || error.retryAfterSeconds <= LONGEST_QUIET_WAIT_SECONDS;
}

/**
 * Stops a query that is being retried and leaves it failed with its last error, so the page shows
 * that error (with Retry) at once: its fetch is cancelled, and replaced at once by one that fails
 * with that error and is not retried. A loader waiting on the cancelled fetch gets that error too.
 */
export function stopRetrying(client: QueryClient, query: Query) {
  const { fetchFailureReason: reason } = query.state;
  if (!reason) return;
  const { queryKey } = query;
  void client.cancelQueries({ queryKey, exact: true }, { silent: true, revert: false });
  // The query's own key: this fetch only ends it with the error it already has.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  client.fetchQuery({ queryKey, queryFn: () => Promise.reject(reason), retry: false }).catch(() => undefined);
}

/** No session, or one that ended (idle, expired, token refused): off to sign in, once. */
let leaving = false;
function onQueryError(error: unknown) {
  if (leaving || !(error instanceof ApiError) || !error.signInNeeded) return;
  leaving = true;
  // Someone signed in on this page load lost their session; anyone else just has to sign in.
  leaveForSignIn(queryClient.getQueryData(configQuery.queryKey)?.user ? 'ended' : undefined);
}

export function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onQueryError }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** The one query client of the app; route loaders prefetch through it. */
export const queryClient = createQueryClient();
