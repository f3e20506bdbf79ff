// On the list: whether the version and rotation-task flags are there (from the project's overview),
// their progress and time, or a button to read them.
import { Trans, useLingui } from '@lingui/react/macro';
import type { ProjectOverview } from '../../csms/console-api.ts';
import type { ApiError } from '../api/api-error.ts';
import { SweepProgress, useAsOfText } from './overview-status.tsx';
import { Button } from './ui/button.tsx';

export function SweepStatus({ overview, error, onCheck }: { overview?: ProjectOverview; error: ApiError | null; onCheck: () => void }) {
  const { t } = useLingui();
  const asOf = useAsOfText();
  if (error)
    return (
      <span className="text-amber-800 dark:text-amber-300">
        {t`Expiry and rotation tasks could not be checked:`} <span className="font-mono">{error.code}</span>
      </span>
    );
  if (!overview)
    return (
      <Button size="sm" onClick={onCheck}>
        {t`Check expiry and rotation tasks`}
      </Button>
    );
  if (!overview.complete) return <SweepProgress overview={overview} />;
  const time = asOf(overview.as_of);
  return (
    <span>
      <Trans>Expiry and rotation as of {time}</Trans>
    </span>
  );
}
