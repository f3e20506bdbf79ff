// `npm run audit:verify FILE`: checks an audit log's hash chain; exits 1 at the first broken line.
import { readFileSync } from 'node:fs';
import { verifyChain } from './audit-chain.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: npm run audit:verify FILE\n');
  process.exit(2);
}
const result = verifyChain(readFileSync(file, 'utf8'));
if (result.ok) process.stdout.write(`${file}: ${result.lines} lines, the chain is intact.\n`);
else process.stdout.write(`${file}: line ${result.line} breaks the chain: ${result.problem}.\n`);
process.exit(result.ok ? 0 : 1);
