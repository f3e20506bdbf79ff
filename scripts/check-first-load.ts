// Run by `npm test`: each core page's first load (gzip bytes of the JS and CSS a browser downloads
// for it, from the production build's manifest, as bench/bundle.ts counts them) may weigh at most
// 1.35× the floor app's (bench/floor, built in this run): scripts/first-load-budget.ts. Bytes, not
// timings: the same code gives the same number on every machine. A page not yet within the budget
// is held to its ceiling in bench/first-load-ceilings.json, and named on every run. Over a limit it
// names the modules that grew since the last `--update` (bench/first-load-modules.json).
// `node --import tsx scripts/check-first-load.ts --update` writes both from today's build: after a
// cut, to lower a ceiling (or drop it once the page is within the budget), and to set the modules
// a later growth is compared with.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildFloor, buildWithManifest, bundleSizes, firstLoadModules, floorSize, PAGES, type CorePage } from '../bench/bundle.ts';
import { budgetOf, ceilingsFor, FLOOR_FACTOR, grownModules, judge } from './first-load-budget.ts';

const CEILINGS = 'bench/first-load-ceilings.json';
const MODULES = 'bench/first-load-modules.json';
const OUT_DIR = '.test-results/first-load-build';
const FLOOR_DIR = '.test-results/first-load-floor';

type PerPage<T> = Record<CorePage, T>;
const pages = Object.keys(PAGES) as CorePage[];
// The floor app carries these too: naming them would not say where a page's own bytes go.
const FLOOR_PACKAGES = new Set(['react-dom', 'react-router', '@tanstack/query-core', '@tanstack/react-query', 'react', 'scheduler']);

buildWithManifest(OUT_DIR);
buildFloor(FLOOR_DIR);
const floor = floorSize(FLOOR_DIR);
const sizes = Object.fromEntries(bundleSizes(OUT_DIR).map((b) => [b.page, b.gzipBytes])) as PerPage<number>;
const modules = Object.fromEntries(
  pages.map((page) => [page, Object.fromEntries(firstLoadModules(OUT_DIR, page).map((m) => [m.module, m.gzipBytes]))]),
) as PerPage<Record<string, number>>;

if (process.argv.includes('--update')) {
  const ceilings = ceilingsFor(sizes, budgetOf(floor));
  if (Object.keys(ceilings).length > 0) writeFileSync(CEILINGS, `${JSON.stringify(ceilings, null, 2)}\n`);
  else rmSync(CEILINGS, { force: true });
  writeFileSync(MODULES, `${JSON.stringify(modules, null, 2)}\n`);
  console.log(
    `first load: modules written; ceilings ${
      Object.entries(ceilings)
        .map(([p, b]) => `${p} ${b}`)
        .join(', ') || 'none: every page is within the budget'
    }`,
  );
}

const ceilings: Record<string, number> = existsSync(CEILINGS) ? JSON.parse(readFileSync(CEILINGS, 'utf8')) : {};
const before = JSON.parse(readFileSync(MODULES, 'utf8')) as PerPage<Record<string, number>>;
const { budget, verdicts, over, notYetWithin } = judge(sizes, floor, ceilings);
const ratio = (bytes: number) => `${(bytes / floor).toFixed(3)}×`;
for (const v of over) {
  const page = v.page as CorePage;
  // What grew since the modules were written; when nothing did (the floor shrank), where the page's bytes are.
  const grown = grownModules(before[page] ?? {}, modules[page]);
  const culprits =
    grown.length > 0
      ? `grown since the last --update: ${grown.map((m) => `${m.module} +${m.bytes}`).join(', ')}`
      : `nothing grew since the last --update; its largest modules beyond the floor's packages: ${Object.entries(modules[page])
          .filter(([m]) => !FLOOR_PACKAGES.has(m))
          .slice(0, 12)
          .map(([m, b]) => `${m} ${b}`)
          .join(', ')}`;
  const limit =
    v.by === 'budget'
      ? `the budget of ${FLOOR_FACTOR}× the floor (${v.limit})`
      : `its ceiling of ${v.limit} with its slack (${ratio(v.limit)} the floor; not yet within the budget of ${budget})`;
  console.error(
    `first load of the ${page} page: ${v.bytes} bytes gzip, ${ratio(v.bytes)} the floor of ${floor}, over ${limit} by ${v.bytes - v.limit}; ${culprits}`,
  );
}
if (over.length > 0) process.exit(1);
for (const v of notYetWithin)
  console.log(
    `first load of the ${v.page} page: not yet within the budget of ${FLOOR_FACTOR}× the floor (${budget}), over it by ${v.bytes - budget}`,
  );
console.log(
  `first load ${notYetWithin.length ? 'within the ceilings of the pages not yet within the budget' : `within ${FLOOR_FACTOR}× the floor`} (floor ${floor}, budget ${budget}): ${verdicts.map((v) => `${v.page} ${v.bytes} (${ratio(v.bytes)})`).join(', ')} bytes gzip`,
);
