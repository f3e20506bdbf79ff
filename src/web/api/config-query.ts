import { queryOptions } from '@tanstack/react-query';
import { CONSOLE_ENDPOINTS } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';

export const fetchConfig = (signal?: AbortSignal) => consoleRequest(CONSOLE_ENDPOINTS.Config, { signal });

export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: ({ signal }) => fetchConfig(signal),
  staleTime: Infinity,
});
