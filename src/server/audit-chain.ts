// The audit log's hash chain: each line's `prev` is the SHA-256 (hex) of the line before it, the
// first line's is 64 zeros. Only whole lines (newline included) count: a torn end is never a line.
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);
export const hashLine = (line: string) => createHash('sha256').update(line).digest('hex');

/** Where a log stands: its whole lines, their bytes, and the hash of the last (GENESIS: none). */
export interface LogPosition {
  lines: number;
  bytes: number;
  head: string;
}

export const EMPTY_LOG: LogPosition = { lines: 0, bytes: 0, head: GENESIS };

/** A line longer than this is not one the console wrote. */
const MAX_LINE_BYTES = 1024 * 1024;

/** The log as it is on disk: its whole lines, and the bytes after the last newline (`torn`). */
export function inspectLog(path: string): LogPosition & { torn: number } {
  if (!existsSync(path) || !statSync(path).isFile()) return { ...EMPTY_LOG, torn: 0 };
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let lines = 0;
    let bytes = 0;
    const chunk = Buffer.alloc(1024 * 1024);
    for (let at = 0; at < size;) {
      const read = readSync(fd, chunk, 0, chunk.length, at);
      if (read === 0) break;
      for (let i = chunk.indexOf(10); i !== -1 && i < read; i = chunk.indexOf(10, i + 1)) {
        lines++;
        bytes = at + i + 1;
      }
      at += read;
    }
    return { lines, bytes, head: bytes === 0 ? GENESIS : hashLine(lineEndingAt(fd, bytes)), torn: size - bytes };
  } finally {
    closeSync(fd);
  }
}

/** The line whose newline is the byte before `end`, without it. */
export function lineEndingAt(fd: number, end: number): string {
  const length = Math.min(end, MAX_LINE_BYTES + 1);
  const tail = Buffer.alloc(length);
  readSync(fd, tail, 0, length, end - length);
  const text = tail.subarray(0, length - 1).toString('utf8');
  return text.slice(text.lastIndexOf('\n') + 1);
}

/** How many newlines the first `end` bytes of a file hold. */
export function linesBefore(fd: number, end: number): number {
  let lines = 0;
  const chunk = Buffer.alloc(1024 * 1024);
  for (let at = 0; at < end;) {
    const read = readSync(fd, chunk, 0, Math.min(chunk.length, end - at), at);
    if (read === 0) break;
    for (let i = chunk.indexOf(10); i !== -1 && i < read; i = chunk.indexOf(10, i + 1)) lines++;
    at += read;
  }
  return lines;
}

/** The log's whole lines, and the bytes of a torn end after them. */
export function splitLog(text: string): { lines: string[]; torn: number } {
  const end = text.lastIndexOf('\n') + 1;
  return { lines: end === 0 ? [] : text.slice(0, end - 1).split('\n'), torn: Buffer.byteLength(text.slice(end)) };
}

export type ChainCheck = { ok: true; lines: number } | { ok: false; line: number; problem: string };

/** Checks that each line names the one before it; `line` is 1-based. */
export function verifyChain(text: string): ChainCheck {
  const { lines, torn } = splitLog(text);
  const broken = firstChainBreak(lines);
  if (broken) return { ok: false, ...broken };
  if (torn > 0)
    return {
      ok: false,
      line: lines.length + 1,
      problem: 'the last line is incomplete (a write was cut off, or the end was removed)',
    };
  return { ok: true, lines: lines.length };
}

export function firstChainBreak(lines: string[]): { line: number; problem: string } | undefined {
  let prev = GENESIS;
  for (const [i, line] of lines.entries()) {
    let claimed: unknown;
    try {
      const parsed: unknown = JSON.parse(line);
      claimed = typeof parsed === 'object' && parsed !== null && 'prev' in parsed ? parsed.prev : undefined;
    } catch {
      return { line: i + 1, problem: 'not a JSON line' };
    }
    if (claimed !== prev)
      return {
        line: i + 1,
        problem:
          i === 0
            ? 'the first line does not start the chain (lines before it were removed)'
            : 'its prev is not the hash of the line before it (that line was changed, or lines were removed or inserted)',
      };
    prev = hashLine(line);
  }
  return undefined;
}
