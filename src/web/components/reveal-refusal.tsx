// Why a reveal failed, in the person's terms: which of the secret's state, its KMS key's state, an
// IAM permission (named), access to the project or a rate limit stopped it, and what to ask for.
import { Trans } from '@lingui/react/macro';
import { CONSOLE_ERRORS, CSMS_ERRORS } from '../../shared/error-codes.ts';
import type { ApiError } from '../api/api-error.ts';

/** KMS's codes for a key that cannot decrypt (its API reference's error codes). */
const KEY_DISABLED = 'KMS.0209';
const KEY_PENDING_DELETION = 'KMS.0210';
/** KMS: the user has no permission on the key, or the API. */
const KEY_PERMISSION = ['KMS.0306', 'KMS.0307'];

export type RevealStop = 'secret-state' | 'key-state' | 'permission' | 'project' | 'rate-limit';

export function revealStop(error: ApiError): RevealStop | undefined {
  if (error.code === KEY_DISABLED || error.code === KEY_PENDING_DELETION) return 'key-state';
  if (error.code === CSMS_ERRORS.scheduledForDeletion) return 'secret-state';
  if (error.projectRefused || error.code === CSMS_ERRORS.wrongProject) return 'project';
  if (error.code === CSMS_ERRORS.policyDenied || KEY_PERMISSION.includes(error.code)) return 'permission';
  if (error.status === 429 || error.code === CONSOLE_ERRORS.rateLimited || error.code === CSMS_ERRORS.throttled) return 'rate-limit';
  return undefined;
}

export function RevealRefusal({ error }: { error: ApiError }) {
  const stop = revealStop(error);
  if (!stop) return null;
  const permission = error.permission;
  const seconds = error.retryAfterSeconds;
  return (
    <p
      data-stop={stop}
      className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      {stop === 'key-state' ? (
        error.code === KEY_PENDING_DELETION ? (
          <Trans>
            Stopped by the KMS key: it is pending deletion, so no value of this secret can be read. Ask the key's administrator to cancel
            the deletion in KMS.
          </Trans>
        ) : (
          <Trans>
            Stopped by the KMS key: it is disabled, so no value of this secret can be read. Ask the key's administrator to enable it in KMS.
          </Trans>
        )
      ) : stop === 'secret-state' ? (
        <Trans>Stopped by the secret's state: it is scheduled for deletion. Ask its owner to cancel the deletion in CSMS.</Trans>
      ) : stop === 'project' ? (
        <Trans>Stopped by project access: your identity may not use this project. Ask your IAM administrator for access to it.</Trans>
      ) : stop === 'permission' ? (
        <Trans>
          Stopped by an IAM permission: reading a value needs <span className="font-mono">{permission}</span>. Ask your IAM administrator to
          grant it on this project.
        </Trans>
      ) : seconds !== undefined ? (
        <Trans>Stopped by a rate limit: too many values were read in the last minute. Try again in {seconds} s.</Trans>
      ) : (
        <Trans>Stopped by a rate limit: too many values were read in the last minute. Try again in a minute.</Trans>
      )}
    </p>
  );
}
