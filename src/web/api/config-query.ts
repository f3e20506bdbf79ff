import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPaths } from '../lib/paths.ts';
import { apiGet } from './client.ts';

const configSchema = z.object({
  mode: z.enum(['emulator', 'cloud']),
  projects: z.array(z.object({ id: z.string(), name: z.string(), region: z.string() })),
  default_project_id: z.nullable(z.string()),
});
export type ConsoleConfig = z.infer<typeof configSchema>;

export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: ({ signal }) => apiGet('Config', apiPaths.config(), configSchema, signal),
  staleTime: Infinity,
});
