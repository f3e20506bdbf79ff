// The app's pages, as route patterns: the app's router and the console server (which answers
// them with the app, and anything else with the app's not-found page and status 404) share them.
export const APP_PAGES = {
  home: '/',
  signIn: '/sign-in',
  overview: '/overview',
  projectOverview: '/projects/:projectId/overview',
  changes: '/projects/:projectId/changes',
  secrets: '/projects/:projectId/secrets',
  secret: '/projects/:projectId/secrets/:secretName',
  stage: '/projects/:projectId/secrets/:secretName/stages/:stageName',
  version: '/projects/:projectId/secrets/:secretName/versions/:versionId',
  compare: '/projects/:projectId/secrets/:secretName/compare',
} as const;

/** The pages a dashboard may frame (CONSOLE_FRAME_ANCESTORS): the overviews, nothing that shows a value. */
export const EMBEDDABLE_PAGES: (keyof typeof APP_PAGES)[] = ['overview', 'projectOverview'];
