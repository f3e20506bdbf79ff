// The audit trail of value reads: one JSON line per read, to CONSOLE_AUDIT_LOG or stdout.
// It never holds a value. JSON encoding escapes CR/LF, so a line cannot be forged.
import { appendFileSync } from 'node:fs';

export interface ValueReadEvent {
  who: string;
  clientIp: string;
  project: string;
  secret: string;
  version: string;
  outcome: 'ok' | 'denied' | 'not-found' | 'error';
  status: number;
  requestId?: string;
}

export type Audit = (event: ValueReadEvent) => void;

export function createAudit(path?: string): Audit {
  const write = path ? (line: string) => appendFileSync(path, line) : (line: string) => process.stdout.write(line);
  return (event) => {
    const record = {
      time: new Date().toISOString(),
      event: 'secret.value.read',
      who: event.who,
      client_ip: event.clientIp,
      project: event.project,
      secret: event.secret,
      version: event.version,
      outcome: event.outcome,
      status: event.status,
      request_id: event.requestId ?? null,
    };
    write(`${JSON.stringify(record)}\n`);
  };
}
