// The audit trail: one JSON line per value read (seen by the server), copy or download (reported
// by the app), and per sign-in, sign-out and session end, to CONSOLE_AUDIT_LOG or stdout. It never
// holds a value, a password or a token. JSON encoding escapes CR/LF, and the line separators and
// bidi controls JSON leaves alone are escaped too, so no name can forge a line or disguise one.
// Tamper-evident: each line carries `prev`, the SHA-256 of the line before it (the chain goes on
// across restarts), so a changed, removed or inserted line breaks the chain (audit-chain.ts).
// Several instances: each line names its instance, and each instance keeps a file (and a chain)
// of its own, shipped from there.
import { closeSync, fstatSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { isNotFound } from '../csms/error-codes.ts';
import { chainStart, hashLine } from './audit-chain.ts';

export interface ValueEvent {
  action: 'read' | 'compare' | 'copy' | 'download';
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
  outcome: 'ok' | 'denied' | 'rate-limited' | 'error' | 'idle' | 'expired' | 'token-refused' | 'too-many';
  /** How the user signed in. */
  method?: 'password' | 'password+mfa' | 'token';
  /** Why a sign-in failed, in IAM's or the console's words (never the password). */
  detail?: string;
}

/** Attempts refused before anyone was identified, counted per client over a minute. */
export interface RefusedEvent {
  action: 'refused';
  /** The client, or `*` for the clients past the tally's cap. */
  clientIp: string;
  count: number;
  /** The first attempt's method and URL, capped. */
  target: string;
  /** When the counted minute began (ms). */
  since: number;
}

export type AuditEvent = ValueEvent | SessionEvent | RefusedEvent;

/** How a value read ended, from its HTTP status. */
export const outcomeOf = (status: number): ValueEvent['outcome'] =>
  status < 300
    ? 'ok'
    : status === 400
      ? 'invalid'
      : status === 401 || status === 403
        ? 'denied'
        : status === 429
          ? 'rate-limited'
          : isNotFound(status, undefined)
            ? 'not-found'
            : 'error';

export type Audit = (event: AuditEvent) => void;
/** The log itself: closing it puts every line on disk (a stopping instance does, last). */
export type AuditLog = Audit & { close(): void };

function record(event: AuditEvent, instance: string) {
  const time = new Date().toISOString();
  if ('project' in event)
    return {
      time,
      instance,
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
  if (event.action === 'refused')
    return {
      time,
      instance,
      event: 'console.refused',
      who: 'anonymous',
      client_ip: event.clientIp,
      count: event.count,
      since: new Date(event.since).toISOString(),
      detail: `${event.count} refused attempts from ${event.clientIp} for ${event.target}`,
    };
  return {
    time,
    instance,
    event: `session.${event.action}`,
    who: event.who,
    client_ip: event.clientIp,
    outcome: event.outcome,
    method: event.method ?? null,
    detail: event.detail ?? null,
  };
}

/** Characters JSON.stringify leaves as they are but that break or disguise a line in a viewer. */
const INVISIBLE = /[\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const escapeInvisible = (json: string) => json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `instance`: the name its lines give this console instance. */
export function createAudit(path?: string, instance: string = hostname()): AuditLog {
  // Synchronous on purpose: a line is on its way to disk before the value is sent, and a write
  // that fails throws, so the read is refused. One descriptor kept open (append mode).
  let prev = path ? chainStart(path) : chainStart();
  const fd = path ? openSync(path, 'a', 0o600) : undefined;
  const write = fd !== undefined ? (line: string) => writeSync(fd, line) : (line: string) => process.stdout.write(line);
  const audit = (event: AuditEvent) => {
    const line = escapeInvisible(JSON.stringify({ ...record(event, instance), prev }));
    write(`${line}\n`);
    prev = hashLine(line);
  };
  return Object.assign(audit, {
    close() {
      if (fd === undefined) return;
      // A file's lines onto the disk; a device (/dev/null) has nothing to flush.
      if (fstatSync(fd).isFile()) fsyncSync(fd);
      closeSync(fd);
    },
  });
}
