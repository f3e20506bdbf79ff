// Every secret's tags, from ListResourceInstances (a POST that only reads; the console server checks
// and rebuilds its body): pages of 1000 by offset. The list's tag column, tag filter and export.
import { queryOptions } from '@tanstack/react-query';
import { csmsRead } from '../../shared/console-endpoints.ts';
import { LIMITS } from '../../shared/patterns.ts';
import type { ResourceInstancesRequest, Tag } from '../../shared/schemas.ts';
import { consoleRequest } from './client.ts';

const PAGE = 1000;
/** As many pages as hold the most secrets the console reads (the list says when it stopped there). */
const MAX_PAGES = Math.ceil(LIMITS.secretsRead / PAGE);

const postInstances = (projectId: string, body: ResourceInstancesRequest, signal: AbortSignal) =>
  consoleRequest(csmsRead('ListResourceInstances'), { params: { project_id: projectId }, body, signal });

/** Secret name → its tags. */
export async function fetchTags(projectId: string, signal: AbortSignal): Promise<Map<string, Tag[]>> {
  const tags = new Map<string, Tag[]>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await postInstances(projectId, { action: 'filter', limit: String(PAGE), offset: String(page * PAGE) }, signal);
    for (const r of answer.resources) tags.set(r.resource_name ?? r.resource_detail?.name ?? r.resource_id, r.tags);
    if (answer.resources.length < PAGE || (page + 1) * PAGE >= answer.total_count) break;
  }
  return tags;
}

export const tagsQuery = (projectId: string) =>
  queryOptions({
    queryKey: ['secrets', projectId, 'tags'] as const,
    queryFn: ({ signal }) => fetchTags(projectId, signal),
    staleTime: 30_000,
  });
