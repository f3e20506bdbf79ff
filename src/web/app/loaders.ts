// Route loaders: check the URL's parameters (an invalid one fails before any request), then
// prefetch everything the page shows in parallel, so a deep link costs one round of requests.
// They are defined here, outside the lazy page modules, so they start while a page's code loads.
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { nameProblem, PROJECT_ID_PATTERN, VERSION_REF_PATTERN } from '../../csms/patterns.ts';
import { invalidParameter } from '../api/api-error.ts';
import { configQuery } from '../api/config-query.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { paths } from '../lib/paths.ts';
import { queryClient } from './query-client.ts';

export function checkedParams(params: LoaderFunctionArgs['params']) {
  const { projectId = '', secretName, stageName, versionId } = params;
  if (!PROJECT_ID_PATTERN.test(projectId)) throw invalidParameter(`"${projectId}" is not a project id (32 hex characters).`);
  const secretProblem = secretName === undefined ? null : nameProblem(secretName, 'A secret name');
  if (secretProblem) throw invalidParameter(secretProblem);
  const stageProblem = stageName === undefined ? null : nameProblem(stageName, 'A stage name');
  if (stageProblem) throw invalidParameter(stageProblem);
  if (versionId !== undefined && !VERSION_REF_PATTERN.test(versionId))
    throw invalidParameter(`"${versionId}" is not a version id: use v1, v2, … or latest.`);
  return { projectId, secretName: secretName ?? '', stageName: stageName ?? '', versionId: versionId ?? '' };
}

export const rootLoader = () => queryClient.ensureQueryData(configQuery);

export async function homeLoader() {
  const config = await queryClient.ensureQueryData(configQuery);
  return config.default_project_id ? redirect(paths.secrets(config.default_project_id)) : null;
}

export async function lookupLoader({ params }: LoaderFunctionArgs) {
  const { projectId } = checkedParams(params);
  await queryClient.ensureInfiniteQueryData(secretQueries.list(projectId));
  return null;
}

export async function secretLoader({ params }: LoaderFunctionArgs) {
  const { projectId, secretName } = checkedParams(params);
  await Promise.all([
    queryClient.ensureQueryData(secretQueries.detail(projectId, secretName)),
    queryClient.ensureQueryData(secretQueries.versions(projectId, secretName)),
  ]);
  return null;
}

export async function stageLoader(args: LoaderFunctionArgs) {
  const { projectId, secretName, stageName } = checkedParams(args.params);
  // The stage itself may be missing: the page says so and lists the stages that exist.
  await Promise.all([secretLoader(args), queryClient.prefetchQuery(secretQueries.stage(projectId, secretName, stageName))]);
  return null;
}

export const versionLoader = secretLoader;
