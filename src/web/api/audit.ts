// Tells the server about a use of a value it cannot see itself (a copy or a download of a value
// already on screen), for the audit log. Ids only; failures are ignored.
export function reportValueUse(action: 'copy' | 'download', projectId: string, secretName: string, versionId: string) {
  void fetch('/api/audit', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Console-Request': '1' },
    body: JSON.stringify({ action, project_id: projectId, secret_name: secretName, version_id: versionId }),
    keepalive: true,
  }).catch(() => {});
}
