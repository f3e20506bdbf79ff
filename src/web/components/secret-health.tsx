// The top of a secret's page: what needs attention, in the overview's words (a failed rotation
// with its error and attempts, an overdue rotation, expired or expiring versions that hold stages,
// a pending deletion). A part that could not be read is said to be unknown, and why.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { Secret, VersionMetadata } from '../../shared/schemas.ts';
import { permissionOf } from '../../shared/operations.ts';
import { rotationTasksQuery } from '../api/rotation-tasks.ts';
import { secretFlags, type HealthFocus } from '../lib/secret-health.ts';
import { useNow } from '../lib/use-now.ts';
import { Skeleton } from './ui/skeleton.tsx';

// The flags' words and links are their own chunk, loaded when a secret has a flag: most have none.
const SecretFlags = lazy(() => import('./secret-flags.tsx'));

export function SecretHealth(props: { projectId: string; secret: Secret; versions: VersionMetadata[] | undefined; focus?: HealthFocus }) {
  const { projectId, secret, versions, focus } = props;
  const { t } = useLingui();
  const now = useNow();
  const tasks = useQuery(rotationTasksQuery(projectId, secret.name));
  // Tasks read in part could hide the newest: the failed-rotation flag is then left unknown.
  const flags = secretFlags(secret, versions ?? [], tasks.data?.complete ? tasks.data.tasks : undefined, now, focus);
  const permission = permissionOf('ListSecretTask');
  const tasksMessage = tasks.error?.message;

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
      {tasks.error && (
        <p role="status" className="text-sm text-amber-900 dark:text-amber-200">
          {tasks.error.kind === 'forbidden' ? (
            <Trans>
              Last rotation: unknown. The rotation tasks could not be read ({tasksMessage}); reading them needs the IAM permission{' '}
              <code className="font-mono">{permission}</code>.
            </Trans>
          ) : (
            <Trans>Last rotation: unknown. The rotation tasks could not be read ({tasksMessage}).</Trans>
          )}
        </p>
      )}
      {tasks.data && !tasks.data.complete && (
        <p className="text-sm text-amber-900 dark:text-amber-200">
          <Trans>
            Last rotation: unknown. This secret has more rotation tasks than the console reads; the newest may be among the rest.
          </Trans>
        </p>
      )}
    </section>
  );
}
