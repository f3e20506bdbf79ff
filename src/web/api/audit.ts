// Tells the server about a use of a value it cannot see itself (a copy or a download of a value
// already on screen), for the audit log. Ids only; failures are ignored.
import type { AuditReport } from '../../csms/console-api.ts';
import { CONSOLE_PATHS } from '../../csms/console-paths.ts';
import { CONSOLE_HEADERS } from './client.ts';

export function reportValueUse(report: AuditReport) {
  void fetch(CONSOLE_PATHS.audit, {
    method: 'POST',
    headers: { ...CONSOLE_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify(report),
    keepalive: true,
  }).catch(() => {});
}
