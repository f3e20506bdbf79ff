// `npm start` on a fresh clone: build the app when dist/ is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src/web', 'src/csms', 'index.html', 'vite.config.ts', 'public', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

export async function buildIfNeeded(outDir: string): Promise<boolean> {
  const builtAt = existsSync(join(outDir, 'index.html')) ? statSync(join(outDir, 'index.html')).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map(newestMtime))) return false;
  process.stdout.write('Building the console (first start or sources changed)…\n');
  const { build } = await import('vite');
  await build({ logLevel: 'warn', build: { outDir } });
  return true;
}
