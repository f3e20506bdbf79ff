// The audit trail: one JSON line per value read (seen by the server), copy or download (reported
// by the app), and per sign-in, sign-out and session end, to CONSOLE_AUDIT_LOG or stdout. It never
// holds a value, a password or a token. JSON encoding escapes CR/LF, so a name cannot forge a line.
import { openSync, writeSync } from 'node:fs';

export interface ValueEvent {
  action: 'read' | 'copy' | 'download';
  who: string;
  clientIp: string;
  project: string;
  secret: string;
  version: string;
  outcome: 'ok' | 'invalid' | 'denied' | 'not-found' | 'rate-limited' | 'error' | 'reported';
  status?: number;
  requestId?: string;
}

export interface SessionEvent {
  action: 'sign-in' | 'sign-out' | 'end';
  who: string;
  clientIp: string;
  outcome: 'ok' | 'denied' | 'rate-limited' | 'error' | 'idle' | 'expired' | 'token-refused';
  /** How the user signed in. */
  method?: 'password' | 'token';
  /** Why a sign-in failed, in IAM's or the console's words (never the password). */
  detail?: string;
}

export type AuditEvent = ValueEvent | SessionEvent;
export type Audit = (event: AuditEvent) => void;

function record(event: AuditEvent) {
  const time = new Date().toISOString();
  if ('project' in event)
    return {
      time,
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
  return {
    time,
    event: `session.${event.action}`,
    who: event.who,
    client_ip: event.clientIp,
    outcome: event.outcome,
    method: event.method ?? null,
    detail: event.detail ?? null,
  };
}

export function createAudit(path?: string): Audit {
  // Synchronous on purpose: a line is on its way to disk before the value is sent. One descriptor
  // kept open (append mode) rather than an open/close per line.
  const fd = path ? openSync(path, 'a', 0o600) : undefined;
  const write = fd !== undefined ? (line: string) => writeSync(fd, line) : (line: string) => process.stdout.write(line);
  return (event) => write(`${JSON.stringify(record(event))}\n`);
}
