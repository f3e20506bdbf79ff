// The audit trail: one JSON line per value read (seen by the server), copy or download (reported
// by the app), and per sign-in, sign-out and session end, to CONSOLE_AUDIT_LOG or stdout. It never
// holds a value, a password or a token. JSON encoding escapes CR/LF, and the line separators and
// bidi controls JSON leaves alone are escaped too, so no name can forge a line or disguise one.
// A line is written whole (newline included, on disk) before the caller goes on, or it throws and
// the read is refused (audit-sink.ts).
// Tamper-evident: each line carries `prev`, the SHA-256 of the line before it (the chain goes on
// across restarts), and signed digests pin how far the log went (audit-digest.ts), so a changed,
// removed or inserted line is found, at the end too; a log found shorter at start is recorded as a
// gap. Several instances: each line names its instance, and each instance keeps a file, a chain
// and digests of its own, shipped from there.
import { existsSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { isNotFound } from '../shared/error-codes.ts';
import { EMPTY_LOG, hashLine, type LogPosition } from './audit-chain.ts';
import { createDigester } from './audit-digest.ts';
import { loadSigningKey } from './audit-digest-key.ts';
import { digestsFileOf, startFileLog, type LogStart } from './audit-digest-start.ts';
import { fileSink, stdoutSink, type Sink } from './audit-sink.ts';

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

/** Lines the last signed digest covers that the log no longer held at start. */
export interface GapEvent {
  action: 'gap';
  expectedLines: number;
  foundLines: number;
  detail: string;
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

export type AuditEvent = ValueEvent | SessionEvent | GapEvent | RefusedEvent;

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
export type AuditLog = Audit & {
  close(): void;
  /** The gap found at start, already recorded as a line. */
  startGap?: GapEvent;
};

export interface AuditOptions {
  /** CONSOLE_AUDIT_SIGNING_KEY: an Ed25519 private key (PEM) or its file; unset: generated. */
  signingKey?: string;
  digestIntervalS?: number;
  /** Where a copy of each digest goes (the process log), and what the trail found at start. */
  report?: { digest(line: string): void; notice(message: string): void };
}

export const DEFAULT_DIGEST_INTERVAL_S = 300;

function record(event: AuditEvent, instance: string) {
  const time = new Date().toISOString();
  if (event.action === 'gap')
    return {
      time,
      instance,
      event: 'audit.gap',
      expected_lines: event.expectedLines,
      found_lines: event.foundLines,
      detail: event.detail,
    };
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

/** Whether the log is a file of its own (digests and a key next to it), not a device or stdout. */
const isFileLog = (path: string) => !existsSync(path) || statSync(path).isFile();

/** `instance`: the name its lines give this console instance. */
export function createAudit(path?: string, instance: string = hostname(), o: AuditOptions = {}): AuditLog {
  const file = path !== undefined && isFileLog(path) ? path : undefined;
  const key = loadSigningKey(o.signingKey, file);
  const start: LogStart = file ? startFileLog(file) : { position: EMPTY_LOG, notices: [] };
  // Synchronous on purpose: a line is on disk before the value is sent, and a write that fails
  // throws, so the read is refused. One descriptor kept open (append mode).
  const sink: Sink = path !== undefined ? fileSink(path) : stdoutSink();
  let position: LogPosition = { ...start.position, bytes: sink.bytes() };
  const digests: Sink = file ? fileSink(digestsFileOf(file)) : path === undefined ? sink : nullSink;
  const copy = path !== undefined ? o.report?.digest : undefined;
  const digester = createDigester({
    key: key.key,
    instance,
    intervalS: o.digestIntervalS ?? DEFAULT_DIGEST_INTERVAL_S,
    previous: start.previous,
    position: () => position,
    write(line) {
      digests.write(line);
      copy?.(line);
    },
    warn: (message) => o.report?.notice(message),
  });
  const audit = (event: AuditEvent) => {
    const line = escapeInvisible(JSON.stringify({ ...record(event, instance), prev: position.head }));
    sink.write(`${line}\n`);
    const lineHash = hashLine(line);
    position = { lines: position.lines + 1, bytes: sink.bytes(), head: lineHash };
    digester.noteLine(lineHash);
  };
  const startGap: GapEvent | undefined = start.gap && { action: 'gap', ...start.gap };
  if (startGap) audit(startGap);
  for (const notice of start.notices) o.report?.notice(notice);
  o.report?.notice(
    `Audit digests signed with Ed25519${key.generated ? ` (key generated: ${key.generated})` : ''}; verify them with this public key:\n${key.publicPem.trimEnd()}`,
  );
  return Object.assign(audit, {
    startGap,
    close() {
      digester.close();
      sink.close();
      if (digests !== sink) digests.close();
    },
  });
}

/** A device log (/dev/null) keeps no digests of its own: they go to the copy alone. */
const nullSink: Sink = { write() {}, bytes: () => 0, close() {} };
