// First-load weight: gzip bytes of the JS and CSS a browser downloads for each page, from the
// production build's manifest (entry, its static imports and CSS, the page's lazy chunk, and the
// catalog of the page's language, which the entry loads before drawing anything),
// next to the floor: the smallest app on the same stack (bench/floor), built in the same run.
// Also the bytes actually sent: the build's brotli copies, which the server prefers.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}

const PAGES = {
  lookup: 'src/web/routes/lookup.tsx',
  'secret detail': 'src/web/routes/secret-detail.tsx',
  stage: 'src/web/routes/stage.tsx',
  version: 'src/web/routes/version.tsx',
};

/** One language's catalog (English; the Chinese one weighs about the same): only the active one is downloaded. */
const CATALOG = 'src/web/locales/en.po';

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

export function bundleSizes(distDir = 'dist') {
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
    const files = filesOf(new Set([...closure(entry), ...closure(source), ...(manifest[CATALOG] ? closure(CATALOG) : [])]));
    return {
      page,
      files: files.size,
      gzipBytes: [...files].reduce((sum, f) => sum + gz(f), 0),
      brotliBytes: [...files].reduce((sum, f) => sum + statSync(join(distDir, `${f}.br`)).size, 0),
    };
  });
}
