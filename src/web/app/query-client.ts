import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';

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

export function createQueryClient() {
  return new QueryClient({
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
