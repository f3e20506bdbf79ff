// Which CSMS endpoint (and credentials) serves a project: the embedded emulator serves every
// project; in the cloud each project lives in one region, whose endpoint serves it.
import type { Project, ServerConfig, Upstream } from './config.ts';

export interface Routing {
  upstreamFor(projectId: string): Upstream | undefined;
  /** Who the audit log names for calls made with these credentials. */
  who: string;
}

/** One upstream for every project: the embedded emulator, or a test's upstream. */
export function singleRouting(upstream: Upstream): Routing {
  return { upstreamFor: () => upstream, who: `ak:${upstream.accessKey}` };
}

/** Cloud mode: a project is served by its region's endpoint; an unknown project by none. */
export function cloudRouting(config: ServerConfig): Routing {
  const credentials = config.credentials!;
  return {
    upstreamFor(projectId) {
      const project: Project | undefined = config.projects.find((p) => p.id === projectId);
      const region = project && config.regions.find((r) => r.name === project.region);
      return region ? { ...credentials, endpoint: region.endpoint } : undefined;
    },
    who: `ak:${credentials.accessKey}`,
  };
}
