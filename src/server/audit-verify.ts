// `npm run audit:verify -- LOG [--digests FILE] --public-key KEY [--until TIME]` (npm keeps the
// options after `--` for the script): proves an audit log with its signed digests (FILE:
// LOG.digests unless given) and the public key alone. Exits 1 at the first bad line or digest, or
// when the digests do not reach TIME; 2 on a usage error.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { digestsFileOf } from './audit-digest-start.ts';
import { verifyTrail } from './audit-digest-verify.ts';

const USAGE = 'Usage: npm run audit:verify -- LOG [--digests FILE] --public-key KEY [--until TIME]\n';

function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { digests: { type: 'string' }, 'public-key': { type: 'string' }, until: { type: 'string' } },
  });
} catch (error) {
  usage((error as Error).message);
}
const [log] = args.positionals;
const keyFile = args.values['public-key'];
if (!log || args.positionals.length > 1) usage('Name one audit log.');
if (!keyFile) usage('Name the public key that verifies the digests (--public-key).');
const until = args.values.until === undefined ? undefined : new Date(args.values.until);
if (until && Number.isNaN(until.getTime())) usage(`--until ${args.values.until} is not a time.`);
const digests = args.values.digests ?? digestsFileOf(log);

let result;
try {
  result = verifyTrail(readFileSync(log, 'utf8'), readFileSync(digests, 'utf8'), createPublicKey(readFileSync(keyFile)), until);
} catch (error) {
  usage((error as Error).message);
}
if (!result.ok) {
  const where = [result.digest && `digest ${result.digest} of ${digests}`, result.line && `line ${result.line} of ${log}`];
  process.stdout.write(`NOT PROVEN: ${where.filter(Boolean).join(', ') || log}: ${result.problem}.\n`);
  process.exit(1);
}
const proven = result.covered > 0 ? `lines 1-${result.covered} proven` : 'no line yet, the log was empty,';
const out = [
  `${log}: ${proven} by ${result.digests} signed digests, the last to ${result.lastDigestTo}${result.final ? ' (written as the console stopped)' : ''}.`,
];
if (result.lines > result.covered)
  out.push(`Lines ${result.covered + 1}-${result.lines} are not yet covered by a digest (the next one covers them).`);
if (result.torn > 0) out.push(`The last ${result.torn} bytes are not a whole line (a write under way, or cut).`);
if (!result.final && !until)
  out.push('The last digest was not written as the console stopped: give --until to prove the digests reach a time.');
process.stdout.write(`${out.join('\n')}\n`);
