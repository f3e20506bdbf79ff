// On the list: whether the version, rotation-task and KMS key flags are there (from the project's
// overview, read without a click), their progress while the sweep runs, and their time.
import { Trans, useLingui } from '@lingui/react/macro';
import type { ProjectOverview } from '../../shared/console-api.ts';
import type { ApiError } from '../api/api-error.ts';
import { SweepProgress, useAsOfText } from './overview-status.tsx';

export default function SweepStatusText({ overview, error }: { overview?: ProjectOverview; error: ApiError | null }) {
  const { t } = useLingui();
  const asOf = useAsOfText();
  if (error)
    return (
      <span className="text-amber-800 dark:text-amber-300">
        {t`Expiry and rotation tasks could not be checked:`} <span className="font-mono">{error.code}</span>
      </span>
    );
  if (!overview || !overview.complete)
    return (
      <span className="inline-flex items-center gap-2" data-testid="sweep-running">
        <span>{t`Checking expiry, rotation tasks and KMS keys: their flags are not shown yet.`}</span>
        {overview && <SweepProgress overview={overview} />}
      </span>
    );
  const time = asOf(overview.as_of);
  return (
    <span>
      <Trans>Expiry and rotation as of {time}</Trans>
    </span>
  );
}
