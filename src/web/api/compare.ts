// The compare of two values, by the console server: their shapes and fingerprints, never a value.
// Each compare reads two values (audited, counted with reveals), so it is asked once per pair in
// the address and never refetched by itself.
import { queryOptions } from '@tanstack/react-query';
import { CONSOLE_ENDPOINTS } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';

export const compareQuery = (a: string, b: string) =>
  queryOptions({
    queryKey: ['compare', a, b] as const,
    // A refusal names the permission of a value read (the row's): the compare reads values.
    queryFn: ({ signal }) => consoleRequest(CONSOLE_ENDPOINTS.Compare, { query: { a, b }, signal }),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
