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
  /** The list with filters chosen: `{ rotation: 'failing' }`. */
  secretsWhere: (projectId: string, filter: Record<string, string>) =>
    `/projects/${seg(projectId)}/secrets?${new URLSearchParams(filter).toString()}`,
  secret: (projectId: string, name: string) => `/projects/${seg(projectId)}/secrets/${seg(name)}`,
  stage: (projectId: string, name: string, stage: string) => `/projects/${seg(projectId)}/secrets/${seg(name)}/stages/${seg(stage)}`,
  version: (projectId: string, name: string, versionId: string) =>
    `/projects/${seg(projectId)}/secrets/${seg(name)}/versions/${seg(versionId)}`,
  /** Every project the person can see, grouped by region. */
  overview: () => '/overview',
  projectOverview: (projectId: string) => `/projects/${seg(projectId)}/overview`,
  /** Every change in a project; `from`, `to`: UTC address times ("2026-12-05T13:00Z"). */
  changes: (projectId: string, window?: { from: string; to: string }) =>
    `/projects/${seg(projectId)}/changes${window ? `?${new URLSearchParams(window).toString()}` : ''}`,
  /** A secret page with its activity around a time (UTC address time), ± `span`. */
  secretAround: (projectId: string, name: string, around: string, span = '1h') =>
    `/projects/${seg(projectId)}/secrets/${seg(name)}?${new URLSearchParams({ around, span }).toString()}`,
  /** `a`, `b`: a version or stage of this secret, or `<project>/<secret>/<version-or-stage>`. */
  compare: (projectId: string, name: string, a?: string, b?: string) => {
    const query = new URLSearchParams({ ...(a && { a }), ...(b && { b }) }).toString();
    return `/projects/${seg(projectId)}/secrets/${seg(name)}/compare${query ? `?${query}` : ''}`;
  },
};
