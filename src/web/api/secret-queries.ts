// Query factories for the five read operations. Keys go from general to specific, so
// invalidating ['secrets', projectId] covers everything of a project.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  listSecretsResponseSchema,
  listVersionsResponseSchema,
  showSecretResponseSchema,
  showStageResponseSchema,
  showVersionResponseSchema,
} from '../../csms/schemas.ts';
import { apiPaths } from '../lib/paths.ts';
import { apiGet } from './client.ts';

/** The first page is small so rows appear at once; the rest come in pages of 1000. */
export const FIRST_PAGE_SIZE = 100;
export const NEXT_PAGE_SIZE = 1000;
export const VERSIONS_PAGE_SIZE = 50;

type ListPageParam = { marker?: string; limit: number };

const withQuery = (path: string, params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

export const secretQueries = {
  all: (projectId: string) => ['secrets', projectId] as const,

  list: (projectId: string) =>
    infiniteQueryOptions({
      queryKey: [...secretQueries.all(projectId), 'list'] as const,
      queryFn: ({ pageParam, signal }) =>
        apiGet(
          'ListSecrets',
          withQuery(apiPaths.secrets(projectId), { limit: pageParam.limit, marker: pageParam.marker }),
          listSecretsResponseSchema,
          signal,
        ),
      initialPageParam: { limit: FIRST_PAGE_SIZE } as ListPageParam,
      // The listing ends on a page shorter than its limit, or one without a next marker.
      getNextPageParam: (last, _all, param): ListPageParam | undefined => {
        const marker = last.page_info.next_marker ?? last.secrets.at(-1)?.name;
        return last.secrets.length < param.limit || !marker ? undefined : { marker, limit: NEXT_PAGE_SIZE };
      },
      staleTime: 30_000,
    }),

  detail: (projectId: string, name: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(projectId), 'detail', name] as const,
      queryFn: ({ signal }) =>
        apiGet('ShowSecret', apiPaths.secret(projectId, name), showSecretResponseSchema, signal).then((r) => r.secret),
      staleTime: 30_000,
    }),

  versions: (projectId: string, name: string, marker?: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(projectId), 'detail', name, 'versions', marker ?? null] as const,
      queryFn: ({ signal }) =>
        apiGet(
          'ListSecretVersions',
          withQuery(apiPaths.versions(projectId, name), { limit: VERSIONS_PAGE_SIZE, marker }),
          listVersionsResponseSchema,
          signal,
        ),
      staleTime: 30_000,
    }),

  stage: (projectId: string, name: string, stage: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(projectId), 'detail', name, 'stages', stage] as const,
      queryFn: ({ signal }) =>
        apiGet('ShowSecretStage', apiPaths.stage(projectId, name, stage), showStageResponseSchema, signal).then((r) => r.stage),
      staleTime: 30_000,
    }),

  /**
   * The value: fetched only on an explicit click, never prefetched, never kept (gcTime 0), never
   * refetched by itself (each read is audited). The key holds ids only, never the value.
   */
  value: (projectId: string, name: string, versionId: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(projectId), 'detail', name, 'versions', 'value', versionId] as const,
      queryFn: ({ signal }) =>
        apiGet('ShowSecretVersion', apiPaths.version(projectId, name, versionId), showVersionResponseSchema, signal).then((r) => r.version),
      gcTime: 0,
      staleTime: Infinity,
      refetchOnMount: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
};
