// A secret's pages' first reads in one request (the console's SecretPage): the secret as ShowSecret
// answers it, its KMS key's state and its value reads, the last two read on the server once the
// secret is known. A fresh answer fills the caches of those three, which the page's parts read as
// if each had been read on its own.
import { queryOptions } from '@tanstack/react-query';
import { CONSOLE_ENDPOINTS } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';
import { keyQuery } from './kms-key.ts';
import { secretQueries } from './secret-queries.ts';
import { valueReadsQuery } from './value-reads.ts';

export const secretPageQuery = (projectId: string, secretName: string) =>
  queryOptions({
    queryKey: [...secretQueries.detail(projectId, secretName).queryKey, 'page'] as const,
    queryFn: async ({ signal, client }) => {
      const page = await consoleRequest(CONSOLE_ENDPOINTS.SecretPage, {
        params: { project_id: projectId, secret_name: secretName },
        signal,
      });
      client.setQueryData(secretQueries.detail(projectId, secretName).queryKey, page.secret);
      if (page.key) client.setQueryData(keyQuery(projectId, page.key.key_id).queryKey, page.key);
      if (page.value_reads) client.setQueryData(valueReadsQuery(projectId, secretName).queryKey, page.value_reads);
      return page;
    },
    staleTime: 30_000,
  });
