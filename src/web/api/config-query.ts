import { queryOptions } from '@tanstack/react-query';
import type { ConsoleConfig } from '../../csms/console-api.ts';
import { CONSOLE_PATHS } from '../../csms/console-paths.ts';
import { getJson } from './client.ts';

export const fetchConfig = (signal?: AbortSignal) => getJson<ConsoleConfig>('Config', CONSOLE_PATHS.config, signal);

export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: ({ signal }) => fetchConfig(signal),
  staleTime: Infinity,
});
