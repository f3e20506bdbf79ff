// Every URL of the app, built in one place: no route string is written inline elsewhere.
const seg = encodeURIComponent;

export const paths = {
  home: () => '/',
  /** `next`: the page to return to; `reason`: why the sign-in page is shown. */
  signIn: (next?: string, reason?: 'ended' | 'signed-out') => {
    const query = new URLSearchParams({ ...(next && { next }), ...(reason && { reason }) }).toString();
    return `/sign-in${query ? `?${query}` : ''}`;
  },
  secrets: (projectId: string, q?: string) => `/projects/${seg(projectId)}/secrets${q ? `?q=${seg(q)}` : ''}`,
  secret: (projectId: string, name: string) => `/projects/${seg(projectId)}/secrets/${seg(name)}`,
  stage: (projectId: string, name: string, stage: string) => `/projects/${seg(projectId)}/secrets/${seg(name)}/stages/${seg(stage)}`,
  version: (projectId: string, name: string, versionId: string) =>
    `/projects/${seg(projectId)}/secrets/${seg(name)}/versions/${seg(versionId)}`,
};

/** The console server's mirror of the CSMS API. */
export const apiPaths = {
  config: () => '/api/config',
  audit: () => '/api/audit',
  secrets: (projectId: string) => `/api/v1/${seg(projectId)}/secrets`,
  secret: (projectId: string, name: string) => `/api/v1/${seg(projectId)}/secrets/${seg(name)}`,
  versions: (projectId: string, name: string) => `/api/v1/${seg(projectId)}/secrets/${seg(name)}/versions`,
  version: (projectId: string, name: string, versionId: string) =>
    `/api/v1/${seg(projectId)}/secrets/${seg(name)}/versions/${seg(versionId)}`,
  stage: (projectId: string, name: string, stage: string) => `/api/v1/${seg(projectId)}/secrets/${seg(name)}/stages/${seg(stage)}`,
};
