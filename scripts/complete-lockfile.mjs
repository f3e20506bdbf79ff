// Adds to package-lock.json the platform-specific optional packages that `npm install` left out
// because the registry reachable here does not serve them (e.g. @tailwindcss/oxide-darwin-arm64).
// Without them `npm ci` refuses the lock as out of sync. Each added entry is optional and carries
// its os/cpu, so npm skips it on any other platform, as it would with a lock made elsewhere.
// Run it after `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM =
  /-(darwin|linux|win32|freebsd|android|openbsd|openharmony|sunos|aix|wasm32)-([a-z0-9]+)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|wasi|eabi))?$/;
const CPU = {
  x64: 'x64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: 'ia32',
  wasi: 'wasm32',
  riscv64: 'riscv64',
  s390x: 's390x',
  ppc64: 'ppc64',
  loong64: 'loong64',
};

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const added = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    const match = PLATFORM.exec(name);
    if (lock.packages[target] || lock.packages[`${path}/${target}`] || !match || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    const [, os, arch, abi] = match;
    const wasm = os === 'wasm32';
    lock.packages[target] = {
      version: spec,
      cpu: [wasm ? 'wasm32' : (CPU[arch] ?? arch)],
      ...(wasm ? {} : { os: [os] }),
      ...(abi === 'gnu' || abi === 'gnueabihf' ? { libc: ['glibc'] } : abi === 'musl' || abi === 'musleabihf' ? { libc: ['musl'] } : {}),
      optional: true,
    };
    added.push(`${name}@${spec}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.length} platform entries: ${added.join(', ')}` : 'lock already complete');
