// A secret's rotation tasks (CSMS records each rotation it ran and how it ended): every page, so the
// newest task is known whatever order CSMS lists them in. Read beside the page's other reads.
import { queryOptions } from '@tanstack/react-query';
import type { RotationTask } from '../../shared/schemas.ts';
import { csmsRead } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';

const PAGE = 50;
/** A secret with more tasks than this is told as partial, not read on for ever. */
const MAX_PAGES = 10;

export interface SecretTasks {
  tasks: RotationTask[];
  /** False when more pages were left unread. */
  complete: boolean;
}

export const rotationTasksQuery = (projectId: string, secretName: string) =>
  queryOptions({
    queryKey: ['secrets', projectId, 'detail', secretName, 'tasks'] as const,
    queryFn: async ({ signal }): Promise<SecretTasks> => {
      const tasks: RotationTask[] = [];
      let marker: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await consoleRequest(csmsRead('ListSecretTask'), {
          params: { project_id: projectId },
          query: { secret_name: secretName, limit: PAGE, marker },
          signal,
        });
        tasks.push(...answer.tasks);
        marker = answer.tasks.length === PAGE ? (answer.next_marker ?? undefined) : undefined;
        if (!marker) return { tasks, complete: true };
      }
      return { tasks, complete: false };
    },
    staleTime: 30_000,
  });
