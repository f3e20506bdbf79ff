// Run by `npm test`: each core page's first load (gzip bytes of the JS and CSS a browser downloads
// for it, from the production build's manifest, as bench/bundle.ts counts them) may not grow past
// its ceiling in bench/first-load-ceilings.json. Bytes, not timings: the same code gives the same
// number on every machine, so there is no margin. On growth it names the modules that grew since
// the ceilings were set (bench/first-load-modules.json, written with them).
// `node --import tsx scripts/check-first-load.ts --update` sets both to today's build: after a cut,
// to lower the ceilings; after a growth that is worth its bytes, on purpose.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildWithManifest, bundleSizes, firstLoadModules, PAGES, type CorePage } from '../bench/bundle.ts';

const CEILINGS = 'bench/first-load-ceilings.json';
const MODULES = 'bench/first-load-modules.json';
const OUT_DIR = '.test-results/first-load-build';

type PerPage<T> = Record<CorePage, T>;
const pages = Object.keys(PAGES) as CorePage[];

buildWithManifest(OUT_DIR);
const sizes = Object.fromEntries(bundleSizes(OUT_DIR).map((b) => [b.page, b.gzipBytes])) as PerPage<number>;
const modules = Object.fromEntries(
  pages.map((page) => [page, Object.fromEntries(firstLoadModules(OUT_DIR, page).map((m) => [m.module, m.gzipBytes]))]),
) as PerPage<Record<string, number>>;

if (process.argv.includes('--update')) {
  writeFileSync(CEILINGS, `${JSON.stringify(sizes, null, 2)}\n`);
  writeFileSync(MODULES, `${JSON.stringify(modules, null, 2)}\n`);
  console.log(`first load: ceilings set to ${pages.map((p) => `${p} ${sizes[p]}`).join(', ')} bytes gzip`);
  process.exit(0);
}

const ceilings = JSON.parse(readFileSync(CEILINGS, 'utf8')) as PerPage<number>;
const before = JSON.parse(readFileSync(MODULES, 'utf8')) as PerPage<Record<string, number>>;
const grown = pages.filter((page) => sizes[page] > ceilings[page]);
for (const page of grown) {
  const growth = Object.entries(modules[page])
    .map(([module, bytes]) => ({ module, bytes: bytes - (before[page]?.[module] ?? 0) }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 10)
    .map((m) => `${m.module} +${m.bytes}`);
  console.error(
    `first load of the ${page} page: ${sizes[page]} bytes gzip, over its ceiling of ${ceilings[page]} (+${sizes[page] - ceilings[page]}); grown: ${growth.join(', ') || 'no module (the bundler’s glue)'}`,
  );
}
if (grown.length > 0) process.exit(1);
console.log(`first load within its ceilings: ${pages.map((p) => `${p} ${sizes[p]}/${ceilings[p]}`).join(', ')} bytes gzip`);
