// Every secret of a project: the pages of ListSecrets loaded one after the other in the
// background. The lookup's list, its Enter key and the "did you mean" of a missing secret share it.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { LIMITS } from '../../shared/patterns.ts';
import { secretQueries } from './secret-queries.ts';

export function useAllSecrets(projectId: string) {
  const list = useInfiniteQuery(secretQueries.list(projectId));
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError, refetch } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, isError]);
  const secrets = useMemo(() => list.data?.pages.flatMap((p) => p.secrets) ?? [], [list.data]);
  return {
    secrets,
    /** More pages are coming, or the first has not arrived. */
    loading: list.isPending || hasNextPage || isFetchingNextPage,
    /** Every page is here: a name that is not in `secrets` does not exist (as of the listing). */
    complete: list.isSuccess && !hasNextPage && secrets.length < LIMITS.secretsRead,
    /** The listing stopped at the most secrets the console reads: there may be more. */
    partial: list.isSuccess && !hasNextPage && secrets.length >= LIMITS.secretsRead,
    error: list.error,
    /** Loads what failed: the next page, or the whole list when the first page failed. */
    retry: () => void (list.data ? fetchNextPage() : refetch()),
  };
}

export type AllSecrets = ReturnType<typeof useAllSecrets>;
