// Cloud mode without HUAWEICLOUD_SDK_PROJECT_ID: the projects the key pair may use, from IAM's
// GET /v3/projects (signed like every other call), kept to the configured regions. A project
// name starts with its region: "cn-north-4" or "cn-north-4_team".
import { request } from 'undici';
import { z } from 'zod';
import { PROJECT_ID_PATTERN } from '../csms/patterns.ts';
import type { Credentials, Project } from './config.ts';
import { signedHeaders } from './upstream.ts';

const projectsSchema = z.object({ projects: z.array(z.object({ id: z.string(), name: z.string() })) });

export async function discoverProjects(
  iamEndpoint: string,
  credentials: Credentials,
  regions: string[],
  timeoutMs: number,
): Promise<Project[]> {
  const url = new URL(`${iamEndpoint}/v3/projects`);
  const res = await request(url, {
    method: 'GET',
    headers: signedHeaders(credentials, url),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`IAM answered HTTP ${res.statusCode} to GET /v3/projects: ${text.slice(0, 200)}`);
  const parsed = projectsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error('IAM answered GET /v3/projects with an unexpected body.');
  return parsed.data.projects
    .map((p) => ({ id: p.id, name: p.name, region: p.name.split('_')[0]! }))
    .filter((p) => regions.includes(p.region) && PROJECT_ID_PATTERN.test(p.id))
    .sort((a, b) => a.name.localeCompare(b.name));
}
