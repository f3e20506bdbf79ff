// Proves an audit log against its signed digests with the public key alone: the digests are whole
// (each signature holds, each names the one before, their times follow on), every line they cover
// is there unchanged (the chain, and each digest's line count and hashes), and, with `until`, that
// the digests reach that time. Lines after the last digest are reported as not yet covered.
import type { KeyObject } from 'node:crypto';
import { GENESIS, firstChainBreak, hashLine, splitLog } from './audit-chain.ts';
import { parseDigest, signatureHolds, type Digest } from './audit-digest.ts';

export type TrailCheck =
  | {
      ok: true;
      /** Whole lines in the log. */
      lines: number;
      /** Lines 1..covered are proven by the digests. */
      covered: number;
      /** Bytes of a line still being written (or cut), after the last whole one. */
      torn: number;
      digests: number;
      /** The end of the last digest's interval, and whether the console wrote it as it stopped. */
      lastDigestTo: string;
      final: boolean;
    }
  | { ok: false; line?: number; digest?: number; problem: string };

type Failure = Extract<TrailCheck, { ok: false }>;

export function verifyTrail(logText: string, digestsText: string, publicKey: KeyObject, until?: Date): TrailCheck {
  const digests = readDigests(digestsText, publicKey);
  if (!Array.isArray(digests)) return digests;
  const { lines, torn } = splitLog(logText);
  const hashes = lines.map(hashLine);
  const hashAt = (n: number) => (n === 0 ? GENESIS : hashes[n - 1]);
  const chainBreak = firstChainBreak(lines);
  let proven = 0;
  for (const [i, d] of digests.entries()) {
    const mismatch = coverageProblem(d, i + 1, lines.length, hashAt, proven);
    // A broken link inside what the digest covers names the line itself.
    if (chainBreak && chainBreak.line <= Math.min(d.log_lines, lines.length)) return { ok: false, ...chainBreak };
    if (mismatch) return mismatch;
    proven = d.log_lines;
  }
  if (chainBreak) return { ok: false, ...chainBreak, problem: `${chainBreak.problem}; no digest covers it yet` };
  const last = digests.at(-1)!;
  if (until && Date.parse(last.to) < until.getTime())
    return {
      ok: false,
      digest: digests.length,
      problem: `the digests end at ${last.to}, before ${until.toISOString()}: later digests are missing (removed, or not written yet)`,
    };
  return { ok: true, lines: lines.length, covered: proven, torn, digests: digests.length, lastDigestTo: last.to, final: last.final };
}

/** The digests, in order, each signed and following the one before; or the first that is not. */
function readDigests(text: string, publicKey: KeyObject): Digest[] | Failure {
  const { lines, torn } = splitLog(text);
  if (torn > 0) return { ok: false, digest: lines.length + 1, problem: 'the last digest is incomplete' };
  if (lines.length === 0) return { ok: false, problem: 'there is no signed digest: nothing is proven' };
  const digests: Digest[] = [];
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const d = parseDigest(line);
    if (!d) return { ok: false, digest: n, problem: 'not a digest' };
    if (!signatureHolds(d, publicKey))
      return {
        ok: false,
        digest: n,
        problem: 'its signature does not hold with this public key (it was changed, or signed with another key)',
      };
    const before = digests.at(-1);
    if (d.previous_signature !== (before?.signature ?? null))
      return {
        ok: false,
        digest: n,
        problem: before
          ? `it does not follow digest ${n - 1} (digests were removed, inserted or reordered)`
          : 'it follows a digest that is not in the file (the digests before it were removed)',
      };
    if (before && d.from !== before.to && !(before.final && d.from >= before.to))
      return {
        ok: false,
        digest: n,
        problem: `no digest covers ${before.to} to ${d.from}: the console stopped without its final digest (a crash), or digests were removed`,
      };
    digests.push(d);
  }
  return digests;
}

/** Whether the log holds, unchanged, the lines digest `n` signed. */
function coverageProblem(d: Digest, n: number, logLines: number, hashAt: (line: number) => string | undefined, proven: number) {
  const since = proven > 0 ? ` after line ${proven} (the last an earlier digest proves)` : '';
  if (d.log_lines > logLines)
    return {
      ok: false as const,
      digest: n,
      line: logLines + 1,
      problem: `digest ${n} (${d.to}) signed ${d.log_lines} lines, the log holds ${logLines}: lines were removed`,
    };
  const firstOfInterval = d.log_lines - d.lines + 1;
  const intervalChanged = d.lines > 0 && (hashAt(firstOfInterval) !== d.first_line || hashAt(d.log_lines) !== d.last_line);
  if (hashAt(d.log_lines) === d.log_head && !intervalChanged) return undefined;
  return {
    ok: false as const,
    digest: n,
    line: d.log_lines,
    problem: `line ${d.log_lines} is not the line digest ${n} (${d.to}) signed as the log's last: a line up to it${since} was changed, inserted or removed`,
  };
}
