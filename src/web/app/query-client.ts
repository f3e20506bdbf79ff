import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import { configQuery } from '../api/config-query.ts';
import { leaveForSignIn } from '../api/session.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

const MAX_RETRIES = 2;

/** Exponential backoff with full jitter, or the server's Retry-After when it sent one. */
export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined) return Math.min(error.retryAfterSeconds, 30) * 1000;
  return Math.random() * Math.min(8000, 500 * 2 ** attempt);
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && error instanceof ApiError && error.retryable;
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
