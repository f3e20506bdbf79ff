// Tells the server about a use of a value it cannot see itself (a copy or a download of a value
// already on screen), for the audit log. Ids only; failures are ignored.
import { apiPaths } from '../lib/paths.ts';
import { CONSOLE_HEADERS } from './client.ts';

export function reportValueUse(action: 'copy' | 'download', projectId: string, secretName: string, versionId: string) {
  void fetch(apiPaths.audit(), {
    method: 'POST',
    headers: { ...CONSOLE_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action, project_id: projectId, secret_name: secretName, version_id: versionId }),
    keepalive: true,
  }).catch(() => {});
}
