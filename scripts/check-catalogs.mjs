// Fails when the catalogs are not what `npm run i18n:extract` would make of the sources now: a
// message added, changed or removed in src/web without the catalogs following. The catalogs are
// restored as they were either way.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'src/web/locales';
const files = readdirSync(dir).filter((f) => f.endsWith('.po'));
const before = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
let stale = [];
try {
  execFileSync('npx', ['lingui', 'extract', '--clean'], { stdio: 'ignore' });
  stale = files.filter((f) => readFileSync(join(dir, f), 'utf8') !== before.get(f));
} finally {
  for (const [f, text] of before) writeFileSync(join(dir, f), text);
}
if (stale.length > 0) {
  console.error(
    `The catalogs ${stale.join(', ')} do not match the messages in src/web: run npm run i18n:extract and translate what is new.`,
  );
  process.exit(1);
}
