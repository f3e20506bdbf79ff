// Who read a secret's values through this console (its audit's index). The server answers it to whoever may read the secret's metadata (a refusal
// names ShowSecret's permission: the row says so).
import { queryOptions } from '@tanstack/react-query';
import { CONSOLE_ENDPOINTS } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';

/** A secret's reads, every version's: a version's are a filter of them (`readsOfVersion`), so the
 * secret's pages share one read, which their first request may already have brought. */
export const valueReadsQuery = (projectId: string, secretName: string) =>
  queryOptions({
    queryKey: ['value-reads', projectId, secretName] as const,
    queryFn: ({ signal }) =>
      consoleRequest(CONSOLE_ENDPOINTS.ValueReads, { params: { project_id: projectId, secret_name: secretName }, query: {}, signal }),
    staleTime: 10_000,
  });

/** Every secret's value reads of a project in a window (the change feed's). */
export const projectValueReadsQuery = (projectId: string, window: { from: number; to: number }) =>
  queryOptions({
    queryKey: ['value-reads', projectId, 'window', window] as const,
    queryFn: ({ signal }) =>
      consoleRequest(CONSOLE_ENDPOINTS.ProjectValueReads, {
        params: { project_id: projectId },
        query: { from: String(window.from), to: String(window.to) },
        signal,
      }),
    staleTime: 10_000,
  });
