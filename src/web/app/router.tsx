import { t } from '@lingui/core/macro';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, type Params } from 'react-router';
import { paths } from '../lib/paths.ts';
import type { Crumb } from './breadcrumbs.tsx';
import { LayoutFallback, SignInFallback } from './app-shell.tsx';
import { Layout } from './layout.tsx';
import {
  homeLoader,
  lookupLoader,
  overviewLoader,
  projectOverviewLoader,
  rootLoader,
  secretLoader,
  secretPageLoader,
  stageLoader,
  versionLoader,
} from './loaders.ts';

// Each page's breadcrumbs, from its route's (already checked) parameters, in the language of the
// moment they are drawn.
const secretsCrumb = (p: Params): Crumb => ({ label: t`Secrets`, to: paths.secrets(p.projectId!) });
const stageCrumb = ({ projectId = '', secretName = '', stageName = '' }: Params): Crumb => ({
  label: t`stage ${stageName}`,
  to: paths.stage(projectId, secretName, stageName),
  mono: true,
});
const versionCrumb = ({ projectId = '', secretName = '', versionId = '' }: Params): Crumb => ({
  label: t`version ${versionId}`,
  to: paths.version(projectId, secretName, versionId),
  mono: true,
});
const secretCrumb = (p: Params): Crumb => ({ label: p.secretName!, to: paths.secret(p.projectId!, p.secretName!), mono: true });

// What a failed or unknown page says is its own chunk, loaded when one fails: no page needs it to render.
const RouteErrorChunk = lazy(async () => ({ default: (await import('./route-error.tsx')).RouteError }));
const NotFoundChunk = lazy(async () => ({ default: (await import('./route-error.tsx')).NotFoundPage }));
const RouteError = () => (
  <Suspense fallback={null}>
    <RouteErrorChunk />
  </Suspense>
);
const NotFoundPage = () => (
  <Suspense fallback={null}>
    <NotFoundChunk />
  </Suspense>
);

// Each page's code is its own chunk, loaded in parallel with its data.
export const router = createBrowserRouter([
  {
    // Outside the layout: it needs no project and makes no API call before the form is sent.
    path: '/sign-in',
    HydrateFallback: SignInFallback,
    lazy: { Component: async () => (await import('../routes/sign-in.tsx')).Component },
  },
  {
    path: '/',
    Component: Layout,
    loader: rootLoader,
    HydrateFallback: LayoutFallback,
    ErrorBoundary: RouteError,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          // Shown only when no project is configured: its own chunk.
          { index: true, loader: homeLoader, lazy: { Component: async () => (await import('../routes/no-projects.tsx')).Component } },
          {
            path: 'projects/:projectId/secrets',
            loader: lookupLoader,
            // The search box writes ?q= and ?sort= as you type: the list loaded once serves them all.
            shouldRevalidate: ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
              currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search ? false : defaultShouldRevalidate,
            handle: { crumbs: (p: Params) => [secretsCrumb(p)] },
            lazy: { Component: async () => (await import('../routes/lookup.tsx')).Component },
          },
          {
            path: 'overview',
            loader: overviewLoader,
            handle: { crumbs: () => [{ label: t`Every project`, to: paths.overview() }] },
            lazy: { Component: async () => (await import('../routes/overview.tsx')).Component },
          },
          {
            path: 'projects/:projectId/overview',
            loader: projectOverviewLoader,
            handle: {
              crumbs: (p: Params) => [
                { label: t`Every project`, to: paths.overview() },
                { label: t`Overview`, to: paths.projectOverview(p.projectId!) },
              ],
            },
            lazy: { Component: async () => (await import('../routes/project-overview.tsx')).Component },
          },
          {
            path: 'projects/:projectId/changes',
            handle: {
              crumbs: (p: Params) => [
                { label: t`Overview`, to: paths.projectOverview(p.projectId!) },
                { label: t`Changes`, to: paths.changes(p.projectId!) },
              ],
            },
            lazy: { Component: async () => (await import('../routes/changes.tsx')).Component },
          },
          {
            path: 'projects/:projectId/secrets/:secretName',
            loader: secretPageLoader,
            handle: { crumbs: (p: Params) => [secretsCrumb(p), secretCrumb(p)] },
            lazy: { Component: async () => (await import('../routes/secret-detail.tsx')).Component },
          },
          {
            path: 'projects/:projectId/secrets/:secretName/stages/:stageName',
            loader: stageLoader,
            handle: { crumbs: (p: Params) => [secretsCrumb(p), secretCrumb(p), stageCrumb(p)] },
            lazy: { Component: async () => (await import('../routes/stage.tsx')).Component },
          },
          {
            path: 'projects/:projectId/secrets/:secretName/versions/:versionId',
            loader: versionLoader,
            handle: { crumbs: (p: Params) => [secretsCrumb(p), secretCrumb(p), versionCrumb(p)] },
            lazy: { Component: async () => (await import('../routes/version.tsx')).Component },
          },
          {
            path: 'projects/:projectId/secrets/:secretName/compare',
            loader: secretLoader,
            handle: {
              crumbs: (p: Params) => [
                secretsCrumb(p),
                secretCrumb(p),
                { label: t`compare`, to: paths.compare(p.projectId!, p.secretName!) },
              ],
            },
            lazy: { Component: async () => (await import('../routes/compare.tsx')).Component },
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
