// `node --import tsx bench/first-load.ts`: only the first-load part of `npm run bench` (the app and
// the floor built as the bench builds them, each core page's bytes, one page by module:
// BENCH_FIRST_LOAD_PAGE, the lookup page by default), for work on the bundle without the minutes
// of the rest.
import { budgetOf, FLOOR_FACTOR } from '../scripts/first-load-budget.ts';
import { buildAndMeasure, type CorePage } from './bundle.ts';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const page = (process.env.BENCH_FIRST_LOAD_PAGE ?? 'lookup') as CorePage;
const { floor, bundles, modules } = buildAndMeasure(page);
console.log(`floor: ${kib(floor)} gzip; budget ${FLOOR_FACTOR}× the floor: ${kib(budgetOf(floor))} (${budgetOf(floor)} bytes)`);
for (const b of bundles)
  console.log(
    `${b.page}: ${kib(b.gzipBytes)} (${b.gzipBytes} bytes) gzip in ${b.files} files, ${b.overFloor}× the floor, ${b.withinBudget ? 'within' : 'over'} the budget (sent ${kib(b.brotliBytes)} brotli)`,
  );
console.log(`\n${page}, the 25 largest modules (gzip):`);
for (const m of modules.slice(0, 25)) console.log(`  ${kib(m.gzipBytes).padStart(9)}  ${m.module}`);
