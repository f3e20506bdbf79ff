// Why a secret's last rotation is unknown: its rotation tasks could not be read (and what reading
// them needs), or there are more than the console reads. Loaded only then (secret-health.tsx).
import { Trans } from '@lingui/react/macro';
import { permissionOf } from '../../shared/operations.ts';
import type { ApiError } from '../api/api-error.ts';

export default function RotationUnknown({ error, partial }: { error: ApiError | null; partial: boolean }) {
  const permission = permissionOf('ListSecretTask');
  const tasksMessage = error?.message;
  return (
    <>
      {error && (
        <p role="status" className="text-sm text-amber-900 dark:text-amber-200">
          {error.kind === 'forbidden' ? (
            <Trans>
              Last rotation: unknown. The rotation tasks could not be read ({tasksMessage}); reading them needs the IAM permission{' '}
              <code className="font-mono">{permission}</code>.
            </Trans>
          ) : (
            <Trans>Last rotation: unknown. The rotation tasks could not be read ({tasksMessage}).</Trans>
          )}
        </p>
      )}
      {partial && (
        <p className="text-sm text-amber-900 dark:text-amber-200">
          <Trans>
            Last rotation: unknown. This secret has more rotation tasks than the console reads; the newest may be among the rest.
          </Trans>
        </p>
      )}
    </>
  );
}
