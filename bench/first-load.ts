// `node --import tsx bench/first-load.ts`: only the first-load part of `npm run bench` (the app and
// the floor built as the bench builds them, each core page's bytes, the lookup page by module),
// for work on the bundle without the minutes of the rest.
import { execSync } from 'node:child_process';
import { bundleSizes, firstLoadModules, floorSize } from './bundle.ts';

execSync('npx vite build --manifest --logLevel warn', { stdio: 'inherit' });
execSync('npx vite build -c bench/floor/vite.config.ts --logLevel warn', { stdio: 'inherit' });
execSync('npx vite build --manifest --sourcemap --outDir .bench/app-map --emptyOutDir --logLevel warn', { stdio: 'inherit' });

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const floor = floorSize();
console.log(`floor: ${kib(floor)} gzip`);
for (const b of bundleSizes())
  console.log(
    `${b.page}: ${kib(b.gzipBytes)} gzip in ${b.files} files, ${(b.gzipBytes / floor).toFixed(2)}× the floor (sent ${kib(b.brotliBytes)} brotli)`,
  );
const page = (process.env.BENCH_FIRST_LOAD_PAGE ?? 'lookup') as Parameters<typeof firstLoadModules>[1];
console.log(`\n${page}, the 25 largest modules (gzip):`);
for (const m of firstLoadModules('.bench/app-map', page).slice(0, 25)) console.log(`  ${kib(m.gzipBytes).padStart(9)}  ${m.module}`);
