// Who read a secret's values through this console (its audit's index): one request, beside the
// page's other reads. The server answers it to whoever may read the secret's metadata.
import { queryOptions } from '@tanstack/react-query';
import { valueReadsPath, type ValueReads } from '../../csms/value-reads.ts';
import { getJson } from './client.ts';

export const valueReadsQuery = (projectId: string, secretName: string, version?: string) =>
  queryOptions({
    queryKey: ['value-reads', projectId, secretName, version ?? null] as const,
    queryFn: ({ signal }) =>
      // Refused as the secret's metadata is: ShowSecret decides, so an error names its permission.
      getJson<ValueReads>(
        'ShowSecret',
        `${valueReadsPath(projectId, secretName)}${version ? `?${new URLSearchParams({ version })}` : ''}`,
        signal,
      ),
    staleTime: 10_000,
  });
