import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { ErrorPanel } from '../components/error-panel.tsx';
import { useProjectHome } from './project-home.ts';

/** What a page shows when its loader failed. Never a stack trace. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const projectHome = useProjectHome();
  // The query client is already taking the user to the sign-in page.
  if (error instanceof ApiError && error.signInNeeded) return <p className="text-sm">Your session ended. Opening the sign-in page…</p>;
  if (error instanceof ApiError)
    return (
      <div className="max-w-2xl space-y-3">
        <ErrorPanel error={error} onRetry={() => void revalidator.revalidate()} />
        <Link className="text-sm text-blue-700 underline dark:text-blue-400" to={projectHome}>
          Back to the secrets
        </Link>
      </div>
    );
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div role="alert" className="max-w-2xl space-y-2">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="text-sm">The page could not be shown. Reload it, or go back to the secrets.</p>
      <Link className="text-sm text-blue-700 underline dark:text-blue-400" to={projectHome}>
        Back to the secrets
      </Link>
    </div>
  );
}

export function NotFoundPage() {
  const projectHome = useProjectHome();
  return (
    <div className="max-w-2xl space-y-2">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="text-sm">There is no page at this address.</p>
      <Link className="text-sm text-blue-700 underline dark:text-blue-400" to={projectHome}>
        Go to the secrets
      </Link>
    </div>
  );
}
