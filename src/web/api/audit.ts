// Tells the server about a use of a value it cannot see itself (a copy or a download of a value
// already on screen), for the audit log. Ids only; failures are ignored.
import type { AuditReport } from '../../shared/console-api.ts';
import { CONSOLE_ENDPOINTS } from '../../shared/console-endpoints.ts';
import { consoleRequest } from './client.ts';

export function reportValueUse(report: AuditReport) {
  void consoleRequest(CONSOLE_ENDPOINTS.AuditReport, { body: report, keepalive: true }).catch(() => {});
}
