// Route loaders: check the URL's parameters (an invalid one fails before any request), then
// prefetch everything the page shows in parallel, so a deep link costs one round of requests.
// They are defined here, outside the lazy page modules, so they start while a page's code loads.
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { PROJECT_ID_PATTERN } from '../../shared/patterns.ts';
import { configQuery } from '../api/config-query.ts';
import { overviewQuery } from '../api/overview-query.ts';
import { secretPageQuery } from '../api/secret-page.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { rotationTasksQuery } from '../api/rotation-tasks.ts';
import { tagsQuery } from '../api/tags-query.ts';
import { prefetchActivity, prefetchStageTraces } from './activity-prefetch.ts';
import { checkedParams } from './checked-params.ts';
import { landingPath } from './project-home.ts';
import { queryClient } from './query-client.ts';

/** The config; a project named by its name where its id belongs (a link from chat) goes to its id,
 *  the rest of the address kept. */
export async function rootLoader({ params, request }: LoaderFunctionArgs) {
  const config = await queryClient.ensureQueryData(configQuery);
  const named = params.projectId;
  const project = named && !PROJECT_ID_PATTERN.test(named) ? config.projects.find((p) => p.name === named) : undefined;
  if (!project || !named) return config;
  const url = new URL(request.url);
  const path = url.pathname.replace(`/projects/${encodeURIComponent(named)}`, `/projects/${project.id}`);
  throw redirect(`${path}${url.search}${url.hash}`);
}

export async function homeLoader() {
  const landing = landingPath(await queryClient.ensureQueryData(configQuery));
  return landing ? redirect(landing) : null;
}

export async function lookupLoader({ params }: LoaderFunctionArgs) {
  const { projectId } = checkedParams(params, 'projectId');
  // A failed list does not fail the page: it shows the error in the list's place, and the name
  // box still opens a secret.
  const list = secretQueries.list(projectId);
  // The tags (their column, filter and search) and the overview (the list's health flags) start
  // beside the list, not after it.
  void queryClient.prefetchQuery(tagsQuery(projectId));
  void queryClient.prefetchQuery(overviewQuery(projectId));
  // A list already here (Back) shows at once, where it was scrolled; the page refreshes it if old.
  if (!queryClient.getQueryData(list.queryKey)) await queryClient.prefetchInfiniteQuery(list);
  // A project this person cannot use fails the whole page: the name box could open nothing there.
  const error = queryClient.getQueryState(list.queryKey)?.error;
  if (error?.projectRefused) throw error;
  return null;
}

/** The compare page: the secret and its versions. */
export async function secretLoader({ params }: LoaderFunctionArgs) {
  const { projectId, secretName } = checkedParams(params, 'projectId', 'secretName');
  await withSecret(projectId, secretName, queryClient.ensureQueryData(secretQueries.detail(projectId, secretName)));
  return null;
}

/** The secret as `secret` reads it, its versions, and its rotation tasks beside them (their failure
 * is the health's to show). */
async function withSecret(projectId: string, secretName: string, secret: Promise<unknown>) {
  void queryClient.prefetchQuery(rotationTasksQuery(projectId, secretName));
  await Promise.all([secret, queryClient.ensureQueryData(secretQueries.versions(projectId, secretName))]);
  // Opened: the command palette offers it first next time (its name only). Nothing on the page
  // reads the list: its code loads after the page's.
  void import('../lib/recent-secrets.ts')
    .then(({ rememberSecret }) => rememberSecret({ projectId, name: secretName }))
    .catch(() => undefined);
}

/** The secret pages read the secret with its key's state and its value reads in one request: the
 * browser cannot ask for those before the secret answers, the server can. A secret already here
 * (a lookup by name just read it) is not read again: the sections then read theirs. */
function pageSecret(projectId: string, secretName: string) {
  const detail = secretQueries.detail(projectId, secretName);
  if (queryClient.getQueryData(detail.queryKey)) return queryClient.ensureQueryData(detail);
  return queryClient.ensureQueryData(secretPageQuery(projectId, secretName));
}

/** The secret page: its activity and stage history (CTS) start beside its own reads, not after
 * them, nor after the code that shows them. */
export async function secretPageLoader(args: LoaderFunctionArgs) {
  const { projectId, secretName } = checkedParams(args.params, 'projectId', 'secretName');
  prefetchActivity(projectId, secretName, new URL(args.request.url).searchParams);
  await withSecret(projectId, secretName, pageSecret(projectId, secretName));
  return null;
}

export async function stageLoader(args: LoaderFunctionArgs) {
  const { projectId, secretName, stageName } = checkedParams(args.params, 'projectId', 'secretName', 'stageName');
  // A point-in-time question in the address: its stage history starts beside the page's reads.
  if (new URL(args.request.url).searchParams.has('at')) prefetchStageTraces(projectId, secretName);
  // The stage itself may be missing: the page says so and lists the stages that exist.
  await Promise.all([
    withSecret(projectId, secretName, pageSecret(projectId, secretName)),
    queryClient.prefetchQuery(secretQueries.stage(projectId, secretName, stageName)),
  ]);
  return null;
}

export async function versionLoader(args: LoaderFunctionArgs) {
  const { projectId, secretName } = checkedParams(args.params, 'projectId', 'secretName', 'versionId');
  await withSecret(projectId, secretName, pageSecret(projectId, secretName));
  return null;
}

/** The overview starts its sweep while the page's code loads; the page shows it as it comes. */
const prefetchOverviews = (projectIds: string[]) => {
  for (const id of projectIds) void queryClient.prefetchQuery(overviewQuery(id));
};

export function projectOverviewLoader({ params }: LoaderFunctionArgs) {
  const { projectId } = checkedParams(params, 'projectId');
  prefetchOverviews([projectId]);
  return null;
}

export async function overviewLoader() {
  const config = await queryClient.ensureQueryData(configQuery);
  prefetchOverviews(config.projects.map((p) => p.id));
  return null;
}
