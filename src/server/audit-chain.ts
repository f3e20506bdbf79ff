// The audit log's hash chain: each line's `prev` is the SHA-256 (hex) of the line before it, the
// first line's is 64 zeros. `npm run audit:verify FILE` reports the first line that breaks it.
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);
export const hashLine = (line: string) => createHash('sha256').update(line).digest('hex');

/** Where a new line continues the chain: the hash of the file's last line, or the start. */
export function chainStart(path?: string): string {
  if (!path || !existsSync(path) || !statSync(path).isFile()) return GENESIS;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 1024 * 1024);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    const lines = tail.toString('utf8').split('\n').filter(Boolean);
    return lines.length > 0 ? hashLine(lines.at(-1)!) : GENESIS;
  } finally {
    closeSync(fd);
  }
}

export type ChainCheck = { ok: true; lines: number } | { ok: false; line: number; problem: string };

/** Checks a whole log; `line` is 1-based. */
export function verifyChain(text: string): ChainCheck {
  if (text.length > 0 && !text.endsWith('\n')) {
    const line = text.split('\n').length;
    return { ok: false, line, problem: 'the last line is incomplete (a write was cut off, or the end was removed)' };
  }
  const lines = text.split('\n').slice(0, -1);
  let prev = GENESIS;
  for (const [i, line] of lines.entries()) {
    let claimed: unknown;
    try {
      claimed = (JSON.parse(line) as { prev?: unknown }).prev;
    } catch {
      return { ok: false, line: i + 1, problem: 'not a JSON line' };
    }
    if (claimed !== prev)
      return {
        ok: false,
        line: i + 1,
        problem:
          i === 0
            ? 'the first line does not start the chain (lines before it were removed)'
            : 'its prev is not the hash of the line before it (that line was changed, or lines were removed or inserted)',
      };
    prev = hashLine(line);
  }
  return { ok: true, lines: lines.length };
}
