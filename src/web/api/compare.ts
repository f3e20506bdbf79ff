// The compare of two values, by the console server: their shapes and fingerprints, never a value.
// Each compare reads two values (audited, counted with reveals), so it is asked once per pair in
// the address and never refetched by itself.
import { queryOptions } from '@tanstack/react-query';
import type { CompareResult } from '../../csms/console-api.ts';
import { CONSOLE_PATHS } from '../../csms/console-paths.ts';
import { getJson } from './client.ts';

export const compareQuery = (a: string, b: string) =>
  queryOptions({
    queryKey: ['compare', a, b] as const,
    // A refusal names the permission of a value read: the compare reads values.
    queryFn: ({ signal }) =>
      getJson<CompareResult>('ShowSecretVersion', `${CONSOLE_PATHS.compare}?${new URLSearchParams({ a, b })}`, signal),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
