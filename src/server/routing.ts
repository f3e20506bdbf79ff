// Which endpoint serves a project's call: the embedded emulator serves every project and both
// services; in the cloud a project lives in one region, whose CSMS and CTS endpoints serve it (KMS
// answers on CSMS's endpoint).
import type { Project } from '../shared/console-api.ts';

export interface Region {
  name: string;
  /** CSMS (KMS's endpoint). */
  endpoint: string;
  /** CTS, the audit service. */
  ctsEndpoint?: string;
}

/** The endpoint serving a project's call to a service, among the projects the reader knows;
 * undefined: none. */
export type Routing = (projectId: string, known: Project[], service: 'csms' | 'cts' | 'kms') => string | undefined;

/** One endpoint for every project and service: the embedded emulator, or a test's upstream. */
export const singleRouting =
  (endpoint: string): Routing =>
  () =>
    endpoint;

/** Cloud mode: a known project is served by its region's endpoints; an unknown project by none. */
export const regionRouting =
  (regions: Region[]): Routing =>
  (projectId, known, service) => {
    const project = known.find((p) => p.id === projectId);
    const region = project && regions.find((r) => r.name === project.region);
    return service === 'cts' ? region?.ctsEndpoint : region?.endpoint;
  };
