// `npm start`: the console in one command on a fresh clone. The app (Vite) and the server (tsc, to
// dist-server/) are built when missing or older than their sources, then the built server runs.
// With NODE_ENV=production nothing is built: it runs what `npm run build` made, and needs no Vite,
// Tailwind or tsx at run time (an install with --omit=dev is enough).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SERVER_ENTRY = 'dist-server/server/main.js';
const builds = [
  {
    what: 'the app',
    output: join(process.env.CONSOLE_STATIC_DIR ?? 'dist', 'index.html'),
    sources: ['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'public', 'package-lock.json'],
    command: ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', process.env.CONSOLE_STATIC_DIR ?? 'dist'],
  },
  {
    what: 'the server',
    output: SERVER_ENTRY,
    sources: [
      'src/server',
      'src/emulator',
      'src/shared',
      'tsconfig.base.json',
      'tsconfig.node.json',
      'tsconfig.server-build.json',
      'package-lock.json',
    ],
    command: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.server-build.json'],
  },
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

if (process.env.NODE_ENV === 'production') {
  if (!existsSync(SERVER_ENTRY)) {
    process.stderr.write(`Cannot start: ${SERVER_ENTRY} is missing. Run \`npm run build\` first (NODE_ENV=production builds nothing).\n`);
    process.exit(1);
  }
} else
  for (const build of builds) {
    const builtAt = existsSync(build.output) ? statSync(build.output).mtimeMs : 0;
    if (builtAt > Math.max(...build.sources.map(newestMtime))) continue;
    process.stdout.write(`Building ${build.what} (first start or sources changed)…\n`);
    const { status } = spawnSync(process.execPath, build.command, { stdio: 'inherit' });
    if (status !== 0) process.exit(status ?? 1);
  }

await import(`../${SERVER_ENTRY}`);
