// Signed digests of the audit log, as AWS CloudTrail's log file integrity validation does: every
// interval (and at shutdown) one line naming how far the log went (its line count, byte size and
// last line's hash), the interval's lines (count, first and last hashes), its time range and the
// previous digest's signature, signed with Ed25519. The chain of lines shows that nothing moved
// between two lines; a digest pins the end, so lines cut from the end are missed too. A digest is
// written even when no line was, so digests cut with the lines leave a gap in time.
import { sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { LogPosition } from './audit-chain.ts';

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const signed = z.object({
  event: z.literal('audit.digest'),
  instance: z.string(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  interval_s: z.number().int().positive(),
  lines: z.number().int().nonnegative(),
  first_line: hash.nullable(),
  last_line: hash.nullable(),
  log_lines: z.number().int().nonnegative(),
  log_bytes: z.number().int().nonnegative(),
  log_head: hash,
  /** Written as the console stopped: the next digest may start later. */
  final: z.boolean(),
  previous_signature: z.string().nullable(),
});
export type DigestFields = z.infer<typeof signed>;
const digestSchema = signed.extend({ signature: z.string().min(1) });
export type Digest = z.infer<typeof digestSchema>;

/** The bytes signed: the fields in one fixed order, whatever order a line gave them in. */
const payload = (d: DigestFields) => Buffer.from(JSON.stringify(signed.parse(d)));

export function signDigest(fields: DigestFields, key: KeyObject): Digest {
  return { ...fields, signature: sign(null, payload(fields), key).toString('base64') };
}

export const signatureHolds = (d: Digest, publicKey: KeyObject) => verify(null, payload(d), publicKey, Buffer.from(d.signature, 'base64'));

/** A digest line read back; undefined when it is not one. */
export function parseDigest(line: string): Digest | undefined {
  try {
    const parsed = digestSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface Digester {
  /** Counts a line just written (its hash) into the interval. */
  noteLine(lineHash: string): void;
  /** Writes the interval's digest now; `final` as the console stops. */
  seal(final: boolean): void;
  /** Seals a final digest and stops the timer. */
  close(): void;
}

export interface DigesterOptions {
  key: KeyObject;
  instance: string;
  intervalS: number;
  /** The last digest already written, which the first one follows. */
  previous?: Digest;
  /** Where the log stands now. */
  position: () => LogPosition;
  /** Puts a digest line where it goes (whole, or throws). */
  write: (line: string) => void;
  /** Says that a digest could not be written (the next one covers its interval). */
  warn: (message: string) => void;
  now?: () => number;
}

export function createDigester(o: DigesterOptions): Digester {
  const now = o.now ?? Date.now;
  let from = now();
  let previousSignature = o.previous?.signature ?? null;
  let lines = 0;
  let first: string | null = null;
  let last: string | null = null;
  const seal = (final: boolean) => {
    const position = o.position();
    const digest = signDigest(
      {
        event: 'audit.digest',
        instance: o.instance,
        from: new Date(from).toISOString(),
        to: new Date(Math.max(now(), from)).toISOString(),
        interval_s: o.intervalS,
        lines,
        first_line: first,
        last_line: last,
        log_lines: position.lines,
        log_bytes: position.bytes,
        log_head: position.head,
        final,
        previous_signature: previousSignature,
      },
      o.key,
    );
    try {
      o.write(`${JSON.stringify(digest)}\n`);
    } catch (error) {
      // Not written: the interval stays open, and the next digest covers it.
      o.warn(`The audit digest could not be written: ${(error as Error).message}`);
      return;
    }
    previousSignature = digest.signature;
    from = Date.parse(digest.to);
    lines = 0;
    first = last = null;
  };
  const timer = setInterval(() => seal(false), o.intervalS * 1000);
  timer.unref();
  return {
    noteLine(lineHash) {
      if (lines === 0) first = lineHash;
      last = lineHash;
      lines++;
    },
    seal,
    close() {
      clearInterval(timer);
      seal(true);
    },
  };
}
