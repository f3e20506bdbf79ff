// The audit trail of value use: one JSON line per read (seen by the server), copy or download
// (reported by the app), to CONSOLE_AUDIT_LOG or stdout. It never holds a value. JSON encoding
// escapes CR/LF, so a name cannot forge a line.
import { openSync, writeSync } from 'node:fs';

export type AuditAction = 'read' | 'copy' | 'download';

export interface AuditEvent {
  action: AuditAction;
  who: string;
  clientIp: string;
  project: string;
  secret: string;
  version: string;
  outcome: 'ok' | 'denied' | 'not-found' | 'rate-limited' | 'error' | 'reported';
  status?: number;
  requestId?: string;
}

export type Audit = (event: AuditEvent) => void;

export function createAudit(path?: string): Audit {
  // Synchronous on purpose: a line is on its way to disk before the value is sent. One descriptor
  // kept open (append mode) rather than an open/close per line.
  const fd = path ? openSync(path, 'a', 0o600) : undefined;
  const write = fd !== undefined ? (line: string) => writeSync(fd, line) : (line: string) => process.stdout.write(line);
  return (event) => {
    const record = {
      time: new Date().toISOString(),
      event: `secret.value.${event.action}`,
      who: event.who,
      client_ip: event.clientIp,
      project: event.project,
      secret: event.secret,
      version: event.version,
      outcome: event.outcome,
      status: event.status ?? null,
      request_id: event.requestId ?? null,
    };
    write(`${JSON.stringify(record)}\n`);
  };
}
