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
