// A console server on a free loopback port in front of a given upstream.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildConsoleServer } from '../app.ts';
import type { Project, Upstream } from '../config.ts';

export async function startTestServer(upstream: Upstream, opts: { timeoutMs?: number; projects?: Project[]; staticDir?: string; valueReadsPerMinute?: number } = {}) {
  const auditLog = join(mkdtempSync(join(tmpdir(), 'console-audit-')), 'audit.log');
  const app = buildConsoleServer({
    host: '127.0.0.1',
    port: 0,
    mode: 'emulator',
    upstream,
    projects: opts.projects ?? [],
    timeoutMs: opts.timeoutMs ?? 2000,
    auditLog,
    valueReadsPerMinute: opts.valueReadsPerMinute ?? 1000,
    staticDir: opts.staticDir ?? 'dist',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  /** GET as the app does (with the console header). */
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers: { 'x-console-request': '1', ...headers } });
  return { app, url, auditLog, get, close: () => app.close() };
}
