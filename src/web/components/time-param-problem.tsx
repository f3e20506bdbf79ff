// A time in the address that cannot be read: which parameter, its text, the form it takes, and a
// link to the same page without it. Nothing was asked of CTS with it.
import { Trans } from '@lingui/react/macro';
import { Link, useLocation } from 'react-router';
import type { TimeParamProblem } from '../lib/activity-filter.ts';
import { toAddressText } from '../lib/date-time-input.ts';

export function TimeParamProblemNote({ problem, alsoRemove = [] }: { problem: TimeParamProblem; alsoRemove?: string[] }) {
  const location = useLocation();
  const without = new URLSearchParams(location.search);
  for (const param of [problem.param, ...alsoRemove]) without.delete(param);
  const { param, value } = problem;
  const example = toAddressText(Date.UTC(2026, 11, 5, 13, 0));
  return (
    <div
      role="alert"
      className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <p>
        {problem.reason === 'not-a-time' ? (
          <Trans>
            The address has <code>{param}</code>=“{value}”, which is not a time. A time in the address is in UTC, written like{' '}
            <code>{example}</code>.
          </Trans>
        ) : (
          <Trans>
            The address has <code>to</code>=“{value}”, which is not after <code>from</code>.
          </Trans>
        )}
      </p>
      <p>
        <Link
          className="text-blue-700 underline dark:text-blue-400"
          to={{ pathname: location.pathname, search: without.toString() }}
          replace
        >
          <Trans>Open this page without it</Trans>
        </Link>
      </p>
    </div>
  );
}
