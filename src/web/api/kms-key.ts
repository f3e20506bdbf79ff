// A secret's KMS key (alias and state), for the secret and version pages: taken from the project's
// overview when it is already here (its sweep read every key once), else from the page's first
// request (the server read it), else read on its own (ListKeyDetail, a POST that only reads),
// never holding the page back. A refusal
// is kept as the key's state "unknown, and why": never taken for "disabled".
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KmsKeyState } from '../../shared/console-api.ts';
import { csmsRead } from '../../shared/console-endpoints.ts';
import { CONSOLE_ERRORS } from '../../shared/error-codes.ts';
import { isKeyState, ownEntry } from '../../shared/patterns.ts';
import { ApiError } from './api-error.ts';
import { consoleRequest } from './client.ts';
import { overviewQuery } from './overview-query.ts';

async function fetchKey(projectId: string, keyId: string, signal: AbortSignal): Promise<KmsKeyState> {
  try {
    const { key_info } = await consoleRequest(csmsRead('ListKeyDetail'), {
      params: { project_id: projectId },
      body: { key_id: keyId },
      signal,
    });
    const state = key_info.key_state;
    if (isKeyState(state)) return { ok: true, key_id: keyId, key_alias: key_info.key_alias, key_state: state };
    // A state the console does not know: shown as KMS sent it, never guessed at.
    return { ok: false, key_id: keyId, status: 200, code: CONSOLE_ERRORS.badResponse, message: state };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const permission = error.kind === 'forbidden' ? error.permission : undefined;
    return { ok: false, key_id: keyId, status: error.status, code: error.code, message: error.message, ...(permission && { permission }) };
  }
}

export const keyQuery = (projectId: string, keyId: string) =>
  queryOptions({
    queryKey: ['kms-key', projectId, keyId] as const,
    queryFn: ({ signal }) => fetchKey(projectId, keyId, signal),
    staleTime: 60_000,
  });

/** The key's state; undefined while it is read. */
export function useKeyState(projectId: string, keyId: string | undefined): KmsKeyState | undefined {
  const queryClient = useQueryClient();
  const swept = keyId ? ownEntry(queryClient.getQueryData(overviewQuery(projectId).queryKey)?.keys, keyId) : undefined;
  const own = useQuery({ ...keyQuery(projectId, keyId ?? ''), enabled: keyId !== undefined && swept === undefined });
  return swept ?? own.data;
}
