import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiPaths } from '../lib/paths.ts';
import { apiGet } from './client.ts';

const configSchema = z.object({
  mode: z.enum(['emulator', 'cloud']),
  /** How people reach the console; `iam`: each signs in, and `user` is who. */
  auth: z.enum(['none', 'header', 'iam']),
  user: z.nullable(z.object({ name: z.string(), domain: z.string(), expires_at: z.number() })),
  projects: z.array(z.object({ id: z.string(), name: z.string(), region: z.string() })),
  default_project_id: z.nullable(z.string()),
});
export type ConsoleConfig = z.infer<typeof configSchema>;

export const fetchConfig = (signal?: AbortSignal) => apiGet('Config', apiPaths.config(), configSchema, signal);

export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: ({ signal }) => fetchConfig(signal),
  staleTime: Infinity,
});
