// Query factories for the metadata reads. Keys go from general to specific, so invalidating
// ['secrets', projectId] covers everything of a project. Values are not queries: see
// secret-value.ts.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { LIMITS } from '../../shared/patterns.ts';
import { csmsRead } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';

/** The first page is small so rows appear at once; the rest come in pages of 1000. */
export const FIRST_PAGE_SIZE = 100;
export const NEXT_PAGE_SIZE = 1000;
export const VERSIONS_PAGE_SIZE = 50;

type ListPageParam = { marker?: string; limit: number };
const secretsIn = (pages: { secrets: unknown[] }[]) => pages.reduce((n, page) => n + page.secrets.length, 0);

export const secretQueries = {
  all: (projectId: string) => ['secrets', projectId] as const,

  list: (projectId: string) =>
    infiniteQueryOptions({
      queryKey: [...secretQueries.all(projectId), 'list'] as const,
      queryFn: ({ pageParam, signal }) =>
        consoleRequest(csmsRead('ListSecrets'), { params: { project_id: projectId }, query: pageParam, signal }),
      initialPageParam: { limit: FIRST_PAGE_SIZE } as ListPageParam,
      // The listing ends on a page shorter than its limit, or one without a next marker, or at
      // the most secrets the console reads.
      getNextPageParam: (last, all, param): ListPageParam | undefined => {
        const marker = last.page_info.next_marker ?? last.secrets.at(-1)?.name;
        if (last.secrets.length < param.limit || !marker || secretsIn(all) >= LIMITS.secretsRead) return undefined;
        return { marker, limit: Math.min(NEXT_PAGE_SIZE, LIMITS.secretsRead - secretsIn(all)) };
      },
      staleTime: 30_000,
      // The loader already tried (with its retries); the page shows that error with a Retry.
      retryOnMount: false,
    }),

  detail: (projectId: string, name: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(projectId), 'detail', name] as const,
      queryFn: ({ signal }) =>
        consoleRequest(csmsRead('ShowSecret'), { params: { project_id: projectId, secret_name: name }, signal }).then((r) => r.secret),
      staleTime: 30_000,
    }),

  versions: (projectId: string, name: string, marker?: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(projectId), 'detail', name, 'versions', marker ?? null] as const,
      queryFn: ({ signal }) =>
        consoleRequest(csmsRead('ListSecretVersions'), {
          params: { project_id: projectId, secret_name: name },
          query: { limit: VERSIONS_PAGE_SIZE, marker },
          signal,
        }),
      staleTime: 30_000,
    }),

  stage: (projectId: string, name: string, stage: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(projectId), 'detail', name, 'stages', stage] as const,
      queryFn: ({ signal }) =>
        consoleRequest(csmsRead('ShowSecretStage'), {
          params: { project_id: projectId, secret_name: name, stage_name: stage },
          signal,
        }).then((r) => r.stage),
      staleTime: 30_000,
      // The loader asked already: a missing stage is one 404, not a second on mount.
      retryOnMount: false,
    }),
};
