// The top of a secret's page: what needs attention, in the overview's words (a failed rotation
// with its error and attempts, an overdue rotation, expired or expiring versions that hold stages,
// a pending deletion). A part that could not be read is said to be unknown, and why.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { Secret, VersionMetadata } from '../../shared/schemas.ts';
import { rotationTasksQuery } from '../api/rotation-tasks.ts';
import { secretFlags, type HealthFocus } from '../lib/secret-health.ts';
import { useNow } from '../lib/use-now.ts';
import { Skeleton } from './ui/skeleton.tsx';

// The flags' words and links are their own chunk, loaded when a secret has a flag: most have none;
// and so is why the last rotation is unknown, loaded when the rotation tasks could not all be read.
const SecretFlags = lazy(() => import('./secret-flags.tsx'));
const RotationUnknown = lazy(() => import('./rotation-unknown.tsx'));

export function SecretHealth(props: { projectId: string; secret: Secret; versions: VersionMetadata[] | undefined; focus?: HealthFocus }) {
  const { projectId, secret, versions, focus } = props;
  const { t } = useLingui();
  const now = useNow();
  const tasks = useQuery(rotationTasksQuery(projectId, secret.name));
  // Tasks read in part could hide the newest: the failed-rotation flag is then left unknown.
  const partial = tasks.data?.complete === false;
  const flags = secretFlags(secret, versions ?? [], tasks.data?.complete ? tasks.data.tasks : undefined, now, focus);

  return (
    <section aria-label={t`Health`} data-testid="secret-health" className="space-y-2">
      {flags.length > 0 ? (
        <Suspense fallback={<Skeleton className="h-6" />}>
          <SecretFlags projectId={projectId} secret={secret.name} flags={flags} now={now} />
        </Suspense>
      ) : (
        tasks.data && versions && <p className="text-sm text-green-800 dark:text-green-300">{t`Nothing needs attention.`}</p>
      )}
      {tasks.isPending && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Trans>Reading the rotation tasks…</Trans>
        </p>
      )}
      {(tasks.error || partial) && (
        // A line in its place while it loads: what follows does not move twice.
        <Suspense fallback={<Skeleton className="h-5" />}>
          <RotationUnknown error={tasks.error} partial={partial} />
        </Suspense>
      )}
    </section>
  );
}
