// The projects a console with server credentials reads: fixed (HUAWEICLOUD_SDK_PROJECT_ID, or the
// emulator's), or discovered through IAM's GET /v3/projects (signed like every other call) at
// start and every hour after, kept to the configured regions. Signed-in users bring their own.
import type { Project } from '../shared/console-api.ts';
import { signedHeaders, type Credentials } from '../shared/signer.ts';
import { createIamClient } from './auth/iam-client.ts';

export interface ProjectSource {
  list(): Project[];
  close(): void;
}

export const fixedProjects = (projects: Project[]): ProjectSource => ({ list: () => projects, close: () => {} });

export async function discoverProjects(iamEndpoint: string, credentials: Credentials, regions: string[], timeoutMs: number) {
  const headers = signedHeaders(credentials, { method: 'GET', url: new URL(`${iamEndpoint}/v3/projects`) });
  return createIamClient(iamEndpoint, timeoutMs).projects('/v3/projects', headers, regions);
}

const REFRESH_MS = 3600_000;

/** Discovers once (a failure is thrown: the server does not start), then refreshes hourly; a
 * failed refresh keeps the last list. */
export async function discoveredProjects(
  iamEndpoint: string,
  credentials: Credentials,
  regions: string[],
  timeoutMs: number,
): Promise<ProjectSource> {
  const discover = () => discoverProjects(iamEndpoint, credentials, regions, timeoutMs);
  let projects = await discover();
  const timer = setInterval(
    () =>
      void discover().then(
        (found) => (projects = found),
        () => {},
      ),
    REFRESH_MS,
  );
  timer.unref();
  return { list: () => projects, close: () => clearInterval(timer) };
}
