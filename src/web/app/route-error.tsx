// What a page shows when its loader failed: an address that cannot be right, a project this
// person cannot use, or the error CSMS gave (with a "did you mean" for a missing secret). Never a
// stack trace.
import { Trans, useLingui } from '@lingui/react/macro';
import { isRouteErrorResponse, Link, useParams, useRevalidator, useRouteError } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { AddressProblem } from '../components/address-problem.tsx';
import { SecretNameSuggestion } from '../components/did-you-mean.tsx';
import { ErrorPanel } from '../components/error-panel.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { ProjectUnavailable } from '../components/project-unavailable.tsx';
import { paths } from '../lib/paths.ts';
import { AddressError } from './checked-params.ts';
import { useProjectHome } from './project-home.ts';

const linkClass = 'text-sm text-blue-700 underline dark:text-blue-400';

export function RouteError() {
  const { t } = useLingui();
  const error = useRouteError();
  const { projectId = '', secretName = '' } = useParams();
  const revalidator = useRevalidator();
  const projectHome = useProjectHome();
  usePageTitle(
    error instanceof AddressError ? t`Wrong address` : error instanceof ApiError && error.kind === 'not-found' ? t`Not found` : t`Error`,
    ...(secretName && !(error instanceof AddressError) ? [secretName] : []),
  );
  // The query client is already taking the user to the sign-in page.
  if (error instanceof ApiError && error.signInNeeded)
    return (
      <p className="text-sm">
        <Trans>Your session ended. Opening the sign-in page…</Trans>
      </p>
    );
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const back = (
    <Link className={linkClass} to={projectHome}>
      <Trans>Back to the secrets</Trans>
    </Link>
  );
  if (error instanceof AddressError)
    return (
      <div className="max-w-2xl space-y-3">
        <AddressProblem error={error} />
        {back}
      </div>
    );
  if (error instanceof ApiError && error.projectRefused) return <ProjectUnavailable projectId={projectId} error={error} />;
  if (error instanceof ApiError)
    return (
      <div className="max-w-2xl space-y-3">
        <ErrorPanel error={error} onRetry={() => void revalidator.revalidate()} />
        {error.kind === 'not-found' && secretName && (
          <SecretNameSuggestion projectId={projectId} name={secretName} to={(name) => paths.secret(projectId, name)} />
        )}
        {back}
      </div>
    );
  return (
    <div role="alert" className="max-w-2xl space-y-2">
      <h1 className="text-lg font-semibold">
        <Trans>Something went wrong</Trans>
      </h1>
      <p className="text-sm">
        <Trans>The page could not be shown. Reload it, or go back to the secrets.</Trans>
      </p>
      {back}
    </div>
  );
}

export function NotFoundPage() {
  const projectHome = useProjectHome();
  const { t } = useLingui();
  usePageTitle(t`Page not found`);
  return (
    <div className="max-w-2xl space-y-2">
      <h1 className="text-lg font-semibold">
        <Trans>Page not found</Trans>
      </h1>
      <p className="text-sm">
        <Trans>There is no page at this address.</Trans>
      </p>
      <Link className={linkClass} to={projectHome}>
        <Trans>Go to the secrets</Trans>
      </Link>
    </div>
  );
}
