// What the console finds in its audit log as it starts: where the log stands (a torn last line,
// which no value was sent for, is cut off), the last signed digest, and whether the log still
// holds every line that digest covers. When it does not, the console records the gap rather than
// going on as if the chain were whole.
import { closeSync, existsSync, openSync, truncateSync } from 'node:fs';
import { GENESIS, hashLine, inspectLog, lineEndingAt, linesBefore, type LogPosition } from './audit-chain.ts';
import { parseDigest, type Digest } from './audit-digest.ts';

export const digestsFileOf = (log: string) => `${log}.digests`;

export interface LogStart {
  position: LogPosition;
  previous?: Digest;
  /** Lines the last digest covers that the log no longer holds. */
  gap?: { expectedLines: number; foundLines: number; detail: string };
  notices: string[];
}

export function startFileLog(log: string): LogStart {
  const notices: string[] = [];
  const position = wholeLines(log, notices);
  const digests = digestsFileOf(log);
  const digestsEnd = existsSync(digests) ? wholeLines(digests, notices) : undefined;
  if (!digestsEnd || digestsEnd.lines === 0) {
    if (position.lines > 0) notices.push(`Audit log ${log}: no signed digest covers its ${position.lines} lines yet.`);
    return { position, notices };
  }
  const previous = lastDigest(digests, digestsEnd.bytes);
  if (!previous) {
    notices.push(`Audit digests ${digests}: the last line is not a digest; the next digests start a new sequence.`);
    return { position, notices };
  }
  const detail = missingLines(log, position, previous);
  if (!detail) return { position, previous, notices };
  notices.push(`Audit log ${log}: ${detail}. Lines are missing; an audit.gap line records it.`);
  return { position, previous, gap: { expectedLines: previous.log_lines, foundLines: position.lines, detail }, notices };
}

/** Where a file's whole lines end; a torn end (a write cut by a crash) is cut off. */
function wholeLines(path: string, notices: string[]): LogPosition {
  const { torn, ...position } = inspectLog(path);
  if (torn > 0) {
    truncateSync(path, position.bytes);
    notices.push(`${path}: a torn last line (${torn} bytes, never a whole line) was cut off.`);
  }
  return position;
}

function lastDigest(path: string, end: number): Digest | undefined {
  const fd = openSync(path, 'r');
  try {
    return parseDigest(lineEndingAt(fd, end));
  } finally {
    closeSync(fd);
  }
}

/** Why the log does not hold the lines `digest` signed, or undefined when it does. */
function missingLines(log: string, position: LogPosition, digest: Digest): string | undefined {
  const signed = `its last digest (${digest.to}) signed ${digest.log_lines} lines, ${digest.log_bytes} bytes`;
  if (position.bytes < digest.log_bytes) return `the log holds ${position.lines} lines, ${position.bytes} bytes; ${signed}`;
  if (digest.log_bytes === 0) return digest.log_head === GENESIS ? undefined : `${signed}, with a last line`;
  const fd = openSync(log, 'r');
  try {
    const lines = linesBefore(fd, digest.log_bytes);
    if (lines === digest.log_lines && hashLine(lineEndingAt(fd, digest.log_bytes)) === digest.log_head) return undefined;
    return `the log's first ${digest.log_bytes} bytes are not what ${signed}`;
  } finally {
    closeSync(fd);
  }
}
