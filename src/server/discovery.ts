// Cloud mode with server credentials and no HUAWEICLOUD_SDK_PROJECT_ID: the projects the key pair
// may use, from IAM's GET /v3/projects (signed like every other call), kept to the configured regions.
import type { Credentials, Project } from './config.ts';
import { createIamClient } from './iam-client.ts';
import { signedHeaders } from './upstream.ts';

export async function discoverProjects(
  iamEndpoint: string,
  credentials: Credentials,
  regions: string[],
  timeoutMs: number,
): Promise<Project[]> {
  const headers = signedHeaders(credentials, new URL(`${iamEndpoint}/v3/projects`));
  return createIamClient(iamEndpoint, timeoutMs).projects('/v3/projects', headers, regions);
}
