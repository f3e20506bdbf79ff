// The emulator's test-only endpoints (CSMS_EMULATOR_FAULTS=1), for unit tests and e2e fixtures:
// fault rules, the request log (by project, so tests running side by side read only their own),
// a secret's state, and expiring every IAM token.
import type { z } from 'zod';
import type { FaultRule, LoggedRequest } from '../faults.ts';
import type { notificationSeed, taskSeed, traceSeed } from '../seed-file.ts';

type TaskInput = z.input<typeof taskSeed>;
type NotificationInput = z.input<typeof notificationSeed>;
type TraceInput = z.input<typeof traceSeed>;

export type { FaultRule };

export function emulatorAdmin(url: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : ((await res.json()) as unknown);
  };
  return {
    addFault: (rule: FaultRule) => call('POST', '/emulator/faults', rule) as Promise<{ id: number }>,
    clearFaults: () => call('DELETE', '/emulator/faults'),
    /** Ends one fault rule, for a test that holds a fault until it has seen what it causes. */
    removeFault: (id: number) => call('DELETE', `/emulator/faults/${id}`),
    /** The requests that reached the emulator for a project, whose path matches. */
    async requests(project: string, pathPattern: RegExp = /./) {
      const { requests } = (await call('GET', `/emulator/requests?project=${project}`)) as { requests: LoggedRequest[] };
      return requests.filter((r) => pathPattern.test(r.path));
    },
    clearRequests: () => call('DELETE', '/emulator/requests'),
    setState: (projectId: string, name: string, state: string, scheduledDeleteTime?: number) =>
      call('PUT', `/emulator/v1/${projectId}/secrets/${name}/state`, { state, scheduled_delete_time: scheduledDeleteTime }),
    /** A KMS key's alias and state ("2" enabled, "3" disabled, "4" pending deletion, …). */
    setKey: (projectId: string, keyId: string, alias: string, state: string) =>
      call('PUT', `/emulator/v1/${projectId}/kms/keys/${keyId}`, { alias, state }),
    expireTokens: () => call('POST', '/emulator/iam/expire-tokens'),
    /** A rotation task, as CSMS records one when it rotates (times in epoch ms or "-2d"). */
    addTask: (projectId: string, task: TaskInput) => call('POST', `/emulator/v1/${projectId}/tasks`, task),
    /** Calls CTS recorded before now (times in epoch ms or "-2d"). */
    addTraces: (projectId: string, traces: TraceInput[]) => call('POST', `/emulator/v1/${projectId}/traces`, { traces }),
    addNotification: (projectId: string, record: NotificationInput) =>
      call('POST', `/emulator/v1/${projectId}/notification-records`, record),
    setLastRotation: (projectId: string, name: string, rotationTime: number) =>
      call('PUT', `/emulator/v1/${projectId}/secrets/${name}/rotation`, { rotation_time: rotationTime }),
  };
}
export type EmulatorAdmin = ReturnType<typeof emulatorAdmin>;
