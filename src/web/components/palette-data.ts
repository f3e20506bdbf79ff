// The command palette's data: the names of every secret of every project this person can see
// (each project listed page by page), and the versions of the secret shown, for its stages and
// versions.
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Project } from '../../shared/console-api.ts';
import type { ResponseOf } from '../../shared/schemas.ts';
import { csmsRead } from '../../shared/console-endpoints.ts';
import { consoleRequest } from '../api/client.ts';
import { secretQueries } from '../api/secret-queries.ts';

type ListPage = ResponseOf<'ListSecrets'>;
type ListPageParam = ReturnType<typeof secretQueries.list>['initialPageParam'];

export interface ProjectNames {
  projectId: string;
  names: string[];
  loading: boolean;
  failed: boolean;
}

/** Every name of a project, every page read (the lookup's list may hold only its first pages). */
async function listNames(projectId: string, signal: AbortSignal): Promise<string[]> {
  const list = secretQueries.list(projectId);
  const names: string[] = [];
  const pages: ListPage[] = [];
  const params: ListPageParam[] = [];
  let param: ListPageParam | undefined = list.initialPageParam;
  while (param) {
    const page: ListPage = await consoleRequest(csmsRead('ListSecrets'), { params: { project_id: projectId }, query: param, signal });
    names.push(...page.secrets.map((s) => s.name));
    pages.push(page);
    params.push(param);
    param = list.getNextPageParam(page, pages, param, params) ?? undefined;
  }
  return names;
}

export function usePaletteData(projects: Project[], current: { projectId?: string; secretName?: string }) {
  const names = useQueries({
    queries: projects.map((p) => ({
      queryKey: [...secretQueries.all(p.id), 'names'] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) => listNames(p.id, signal),
      staleTime: 30_000,
    })),
    combine: (results): ProjectNames[] =>
      results.map((r, i) => ({ projectId: projects[i]!.id, names: r.data ?? [], loading: r.isPending, failed: r.isError })),
  });
  const versions = useQuery({
    ...secretQueries.versions(current.projectId ?? '', current.secretName ?? ''),
    enabled: Boolean(current.projectId && current.secretName),
  });
  return { names, versions: versions.data?.version_metadatas };
}
