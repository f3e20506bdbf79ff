// Run first by `npm test`: every program the tests start, checked before anything else runs, so a
// machine without one stops in a second with the command that fixes it, not minutes later in a
// test that times out. Each program is named with the Debian package that provides it.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PROGRAMS = [
  // Playwright drives this path (playwright.config.ts); its own browser download is not used.
  { program: chromium, path: true, pkg: 'chromium' },
  // The tests of several instances start their own Redis and read it with redis-cli.
  { program: 'redis-server', pkg: 'redis-server' },
  { program: 'redis-cli', pkg: 'redis-server' },
  // /metrics is checked by promtool and scraped by a real Prometheus.
  { program: 'prometheus', pkg: 'prometheus' },
  { program: 'promtool', pkg: 'prometheus' },
];

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, name)));

const missing = PROGRAMS.filter(({ program, path }) => !(path ? executable(program) : onPath(program)));
if (missing.length > 0) {
  const packages = [...new Set(missing.map((m) => m.pkg))];
  const programs = missing.map((m) => m.program).join(', ');
  const hint = missing.some((m) => m.path) ? ' (or set CHROMIUM_PATH to a Chromium)' : '';
  console.error(`npm test needs ${programs}, not found: sudo apt-get install -y ${packages.join(' ')}${hint}`);
  process.exit(1);
}
