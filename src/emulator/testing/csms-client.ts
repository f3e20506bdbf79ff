// A small CSMS client that signs every request with the official Huawei Cloud signer, exactly as
// a Huawei SDK would. Tests, e2e fixtures and benchmarks create their data through it.
import { signedHeaders, type Credentials } from '../../shared/signer.ts';

export interface CsmsClientOptions {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  projectId: string;
}

export interface CsmsAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export const signRequest = (credentials: Credentials, method: string, url: URL, data?: unknown) =>
  signedHeaders(credentials, { method, url, headers: { 'Content-Type': 'application/json' }, data });

export function csmsClient(opts: CsmsClientOptions) {
  /** `path` below /v1/{project_id}/ (e.g. `secrets/db`, `csms/tasks`). */
  async function request<T = any>(
    method: string,
    path: string,
    data?: unknown,
    query: Record<string, string | number | undefined> = {},
  ): Promise<CsmsAnswer<T>> {
    const url = new URL(`${opts.endpoint}/v1/${opts.projectId}/${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    const res = await fetch(url, {
      method,
      headers: signRequest(opts, method, url, data),
      body: data === undefined ? undefined : JSON.stringify(data),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }
  const call = <T = any>(method: string, path: string, data?: unknown, query?: Record<string, string | number | undefined>) =>
    request<T>(method, `secrets${path}`, data, query);
  const name = (n: string) => `/${encodeURIComponent(n)}`;
  type Query = Record<string, string | number | undefined>;
  return {
    projectId: opts.projectId,
    call,
    request,
    listSecrets: (query: Record<string, string | number> = {}) => call('GET', '', undefined, query),
    createSecret: (body: Record<string, unknown>) => call('POST', '', body),
    showSecret: (secret: string) => call('GET', name(secret)),
    updateSecret: (secret: string, body: Record<string, unknown>) => call('PUT', name(secret), body),
    listVersions: (secret: string, query: Record<string, string | number> = {}) =>
      call('GET', `${name(secret)}/versions`, undefined, query),
    createVersion: (secret: string, body: Record<string, unknown>) => call('POST', `${name(secret)}/versions`, body),
    showVersion: (secret: string, version: string) => call('GET', `${name(secret)}/versions/${version}`),
    showStage: (secret: string, stage: string) => call('GET', `${name(secret)}/stages/${stage}`),
    updateStage: (secret: string, stage: string, versionId: string) =>
      call('PUT', `${name(secret)}/stages/${stage}`, { version_id: versionId }),
    deleteStage: (secret: string, stage: string) => call('DELETE', `${name(secret)}/stages/${stage}`),
    rotate: (secret: string) => call('POST', `${name(secret)}/rotate`),
    listSecretTags: (secretId: string) => request('GET', `csms/${secretId}/tags`),
    createTag: (secretId: string, body: Record<string, unknown>) => request('POST', `csms/${secretId}/tags`, body),
    listProjectTags: () => request('GET', 'csms/tags'),
    resourceInstances: (body: Record<string, unknown>) => request('POST', 'csms/resource_instances/action', body),
    listTasks: (query: Query) => request('GET', 'csms/tasks', undefined, query),
    listEvents: (query: Query) => request('GET', 'csms/events', undefined, query),
    showEvent: (event: string) => request('GET', `csms/events/${event}`),
    createEvent: (body: Record<string, unknown>) => request('POST', 'csms/events', body),
    listNotificationRecords: () => request('GET', 'csms/notification-records'),
  };
}
export type CsmsClient = ReturnType<typeof csmsClient>;
