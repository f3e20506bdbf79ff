// A secret's value is a mutation, not a query: it is read only when a person asks (reveal or
// copy), kept only while it is on screen, and never refetched, cached or shared. `reveal` reads
// and shows it; `hide` drops it; `read` reads it for the clipboard without ever showing it.
// Once CSMS refused the read (403), neither reads again: each try would be another refused,
// audited call.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { SecretVersion } from '../../shared/schemas.ts';
import type { ApiError } from './api-error.ts';
import { csmsRead } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';

/** Which version's value to read. */
export interface VersionAddress {
  projectId: string;
  secretName: string;
  versionId: string;
}

const readValue = ({ projectId, secretName, versionId }: VersionAddress) =>
  consoleRequest(csmsRead('ShowSecretVersion'), {
    params: { project_id: projectId, secret_name: secretName, version_id: versionId },
  }).then((r) => r.version);

/** The value's text: the string, or the base64 of the bytes. */
export const rawValue = (version: SecretVersion) => version.secret_string ?? version.secret_binary ?? '';

export function useSecretValue(ref: VersionAddress) {
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const onError = (error: ApiError) => error.kind === 'forbidden' && setRefusal(error);
  // gcTime 0: once a mutation has no observer (hidden, or the page left) the value is dropped at
  // once rather than kept for a later observer that will never come.
  const shown = useMutation({ mutationFn: () => readValue(ref), gcTime: 0, onError });
  const copied = useMutation({ mutationFn: () => readValue(ref), gcTime: 0, onError });
  const [shownAt, setShownAt] = useState<number | undefined>(undefined);
  const { mutate, reset } = shown;
  // Stable functions: the panel's countdown and hide-on-leave effects depend on them.
  const reveal = useCallback(() => {
    if (!refusal) mutate(undefined, { onSuccess: () => setShownAt(Date.now()) });
  }, [mutate, refusal]);
  const hide = useCallback(() => {
    reset();
    setShownAt(undefined);
  }, [reset]);
  return {
    /** The value on screen, once read. */
    value: shown.data,
    error: shown.error,
    status: shown.status,
    /** When the value on screen arrived (ms), for its countdown. */
    shownAt,
    /** The 403 that refused a read of this value, if one did: no more reads until the page is left. */
    refusal,
    reveal,
    hide,
    /** Reads the value for the clipboard only: it is never rendered, and forgotten at once. */
    async read(): Promise<SecretVersion> {
      if (shown.data) return shown.data;
      if (refusal) throw refusal;
      try {
        return await copied.mutateAsync();
      } finally {
        copied.reset();
      }
    },
  };
}
