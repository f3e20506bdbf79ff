// First-load weight: gzip bytes of the JS and CSS a browser downloads for each page, from the
// production build's manifest (entry, its static imports and CSS, the page's lazy chunk, and the
// heavier of the two language catalogs: one is always downloaded), next to the floor: the smallest
// app on the same stack (bench/floor), built in the same run. Also the bytes actually sent: the
// build's brotli copies, which the server prefers. And what a page's first load holds, by module,
// from the build's source maps: where the next cut is.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { PARTS_MAP } from '../scripts/catalog-parts.ts';
import { budgetOf } from '../scripts/first-load-budget.ts';

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}

const CATALOGS = ['src/web/locales/en.po', 'src/web/locales/zh-CN.po'];

export const PAGES = {
  lookup: 'src/web/routes/lookup.tsx',
  'secret detail': 'src/web/routes/secret-detail.tsx',
  stage: 'src/web/routes/stage.tsx',
  version: 'src/web/routes/version.tsx',
};
export type CorePage = keyof typeof PAGES;

function readManifest(distDir: string) {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const gz = (file: string) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
  return { manifest, gz };
}

/** The floor app's whole first load. */
export function floorSize(distDir = '.bench/floor') {
  const { manifest, gz } = readManifest(distDir);
  const entry = Object.values(manifest).find((c) => c.isEntry)!;
  return [entry.file, ...(entry.css ?? [])].reduce((sum, f) => sum + gz(f), 0);
}

/** The catalog parts a chunk's import fetches beside it (scripts/catalog-parts.ts writes them with the manifest). */
function partsOf(distDir: string, file: string, locale: string) {
  const map = JSON.parse(readFileSync(join(distDir, PARTS_MAP), 'utf8')) as Record<string, string[]>;
  return (map[file] ?? []).map((part) => `assets/${part}.${locale}.json`);
}

/** Each page's first-load files: the entry and its imports, the page's chunk, the heavier language's catalog and the page's part of it. */
function firstLoads(distDir: string) {
  const { manifest, gz } = readManifest(distDir);
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
    return seen;
  };
  const filesOf = (keys: Iterable<string>) => new Set([...keys].flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]));
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  return Object.entries(PAGES).map(([page, source]) => {
    const catalogs = CATALOGS.map((key) => {
      const files = [manifest[key]!.file, ...partsOf(distDir, manifest[source]!.file, basename(key, '.po'))];
      return { key, files, bytes: files.reduce((sum, f) => sum + gz(f), 0) };
    });
    const catalog = catalogs.sort((a, b) => b.bytes - a.bytes)[0]!;
    return {
      page,
      catalog: catalog.key,
      files: new Set([...filesOf(new Set([...closure(entry), ...closure(source)])), ...catalog.files]),
      gz,
    };
  });
}

export function bundleSizes(distDir = 'dist') {
  return firstLoads(distDir).map(({ page, catalog, files, gz }) => ({
    page,
    catalog,
    files: files.size,
    gzipBytes: [...files].reduce((sum, f) => sum + gz(f), 0),
    brotliBytes: [...files].reduce((sum, f) => sum + statSync(join(distDir, `${f}.br`)).size, 0),
  }));
}

/** A page's first load by module (an npm package counts as one), gzip bytes each, largest first:
 * each file's gzip size shared among its modules by their share of its bytes (from its source map). */
export function firstLoadModules(distDir: string, page: CorePage) {
  const { files, gz } = firstLoads(distDir).find((p) => p.page === page)!;
  const modules = new Map<string, number>();
  const add = (name: string, bytes: number) => modules.set(name, (modules.get(name) ?? 0) + bytes);
  for (const file of files) {
    const part = /\.([\w-]+)\.json$/.exec(file);
    if (part) {
      add(`src/web/locales/${part[1]}.po`, gz(file));
      continue;
    }
    if (!file.endsWith('.js')) {
      add(`(stylesheet) ${file.endsWith('.css') ? "tailwind utilities and the app's styles" : file}`, gz(file));
      continue;
    }
    const code = readFileSync(join(distDir, file), 'utf8');
    const lines = code.split('\n');
    // The bundler's own runtime chunk has no source map: all of it is the bundler's.
    const mappings: { line: number; column: number; source: string }[] = [{ line: 1, column: 0, source: '(bundler)' }];
    const map = join(distDir, `${file}.map`);
    if (existsSync(map))
      new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))).eachMapping((m) =>
        mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source ?? '(bundler)' }),
      );
    const bytes = new Map<string, number>();
    mappings.forEach((m, i) => {
      const next = mappings[i + 1];
      const length = next && next.line === m.line ? next.column - m.column : (lines[m.line - 1]?.length ?? 0) - m.column;
      const name = m.source.includes('node_modules/') ? packageOf(m.source) : m.source.replace(/^.*?\/src\//, 'src/');
      bytes.set(name, (bytes.get(name) ?? 0) + length);
    });
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    for (const [name, b] of bytes) add(name, (b / total) * gz(file));
  }
  return [...modules]
    .map(([module, gzipBytes]) => ({ module, gzipBytes: Math.round(gzipBytes) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

const packageOf = (source: string) => {
  const parts = source.split('node_modules/').at(-1)!.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
};

/** Takes a build's source maps (and their compressed copies) out of the directory the server serves. */
export function removeSourceMaps(distDir: string) {
  for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' }))
    if (/\.map(\.br|\.gz)?$/.test(file)) rmSync(join(distDir, file));
}

/** The production build, with its manifest and hidden source maps (the code is byte for byte what a build without them makes). */
export function buildWithManifest(outDir: string) {
  execSync(`npx vite build --manifest --sourcemap hidden --logLevel warn --outDir ${outDir} --emptyOutDir`, { stdio: 'inherit' });
}

/** The floor app's production build (bench/floor). */
export function buildFloor(outDir = '.bench/floor') {
  execSync(`npx vite build -c bench/floor/vite.config.ts --logLevel warn --outDir ${resolve(outDir)}`, { stdio: 'inherit' });
}

/**
 * Builds the app (into dist, which the server serves) and the floor, and measures them: the floor,
 * each core page's first load, and one page's by module. One build, with hidden source maps (the
 * code is byte for byte what a build without them makes); the maps go once read.
 */
export function buildAndMeasure(page: CorePage = 'lookup') {
  buildWithManifest('dist');
  buildFloor();
  const modules = firstLoadModules('dist', page);
  removeSourceMaps('dist');
  const floor = floorSize();
  // Judged in bytes, as `npm test` judges it: a ratio rounded for the table could pass a page over the budget.
  const bundles = bundleSizes().map((b) => ({
    ...b,
    overFloor: Number((b.gzipBytes / floor).toFixed(3)),
    withinBudget: b.gzipBytes <= budgetOf(floor),
  }));
  return { floor, bundles, modules };
}
