// Where and as whom the console reads. Routing: which CSMS endpoint serves a project (the embedded
// emulator serves every project; in the cloud a project lives in one region, whose endpoint
// serves it). Reader: the identity a request reads with (the server's key pair, or the signed-in
// user's tokens) and what the audit log calls it.
import type { Credentials, Project } from './config.ts';
import type { Session } from './sessions.ts';
import { signedHeaders } from './upstream.ts';

/** The endpoint serving a project, among the projects the reader knows; undefined: none. */
export type Routing = (projectId: string, known: Project[]) => string | undefined;

/** One endpoint for every project: the embedded emulator, or a test's upstream. */
export const singleRouting =
  (endpoint: string): Routing =>
  () =>
    endpoint;

/** Cloud mode: a known project is served by its region's endpoint; an unknown project by none. */
export const regionRouting =
  (regions: { name: string; endpoint: string }[]): Routing =>
  (projectId, known) => {
    const project = known.find((p) => p.id === projectId);
    return project && regions.find((r) => r.name === project.region)?.endpoint;
  };

/** Adds the headers that authorize a call to its URL. */
export type Authorize = (url: URL, projectId: string) => Record<string, string>;

export interface Reader {
  who: string;
  projects: Project[];
  /** How to authorize a call on a project, or undefined when this identity has no access to it. */
  authorizeFor(projectId: string): Authorize | undefined;
}

/** The server's key pair: every call signed with the official signer. */
export function credentialsReader(credentials: Credentials, projects: Project[], who = `ak:${credentials.accessKey}`): Reader {
  const sign: Authorize = (url, projectId) => signedHeaders(credentials, url, projectId);
  return { who, projects, authorizeFor: () => sign };
}

/** A signed-in user: each project's call carries that project's IAM token. */
export function sessionReader(session: Session): Reader {
  return {
    who: session.who,
    projects: session.projects,
    authorizeFor(projectId) {
      const token = session.tokens.get(projectId);
      return token === undefined ? undefined : () => ({ 'X-Auth-Token': token });
    },
  };
}
