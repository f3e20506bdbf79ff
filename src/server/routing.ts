// Which CSMS endpoint serves a project: the embedded emulator serves every project; in the cloud
// a project lives in one region, whose endpoint serves it.
import type { Project } from '../csms/console-api.ts';

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
