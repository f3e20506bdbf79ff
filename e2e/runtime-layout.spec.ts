// The image's runtime stage, tested without a container (podman cannot run one on these machines):
// the production dependencies only (`npm ci --omit=dev`: no Vite, Tailwind, React or tsx), the
// built app and server, NODE_ENV=production, run by a user who owns none of it and may write only
// its data directory (as with a read-only root filesystem and a /data volume).
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PROJECTS } from '../src/emulator/demo-seed.ts';
import { untilPrinted } from '../src/server/testing/processes.ts';
import { expect, secretPath, test } from './fixtures.ts';

const NOBODY = 65534;

test('serves the built console with production dependencies only, as a user who can write nothing but its data', async ({ page }) => {
  const app = mkdtempSync(join(tmpdir(), 'console-runtime-'));
  chmodSync(app, 0o755);
  for (const part of ['package.json', 'package-lock.json', 'dist', 'dist-server']) cpSync(part, join(app, part), { recursive: true });
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: app, stdio: 'ignore' });
  // better-sqlite3's native addon, as the image's build stage compiles it.
  cpSync('node_modules/better-sqlite3/build', join(app, 'node_modules/better-sqlite3/build'), { recursive: true });
  for (const dev of ['vite', 'tsx', 'tailwindcss', '@tailwindcss/vite', 'react', 'react-dom', 'typescript', 'esbuild'])
    expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);

  const data = join(app, 'data');
  mkdirSync(data);
  const asNobody = process.getuid?.() === 0;
  if (asNobody) chownSync(data, NOBODY, NOBODY);
  const server = spawn(process.execPath, ['dist-server/server/main.js'], {
    cwd: app,
    env: {
      PATH: process.env.PATH,
      HOME: data,
      NODE_ENV: 'production',
      PORT: '0',
      CSMS_EMULATOR_PORT: '0',
      CSMS_EMULATOR_DB: join(data, 'csms-emulator.sqlite'),
      CONSOLE_AUDIT_LOG: join(data, 'audit.log'),
    },
    ...(asNobody && { uid: NOBODY, gid: NOBODY }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = (await untilPrinted(server, /CSMS console\s+(http:\/\/\S+?)\/?\s/))[1]!;
  try {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await page.goto(`${url}${secretPath(DEMO_PROJECTS.production.id)}`);
    await expect(page.getByRole('link', { name: 'kafka-sasl-credentials' })).toBeVisible();
    const value = await fetch(`${url}/api/v1/${DEMO_PROJECTS.production.id}/secrets/kafka-sasl-credentials/versions/latest`, {
      headers: { 'x-console-request': '1' },
    });
    expect(value.status).toBe(200);
  } finally {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  }
});
