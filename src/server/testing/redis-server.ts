// A redis-server of a test's own on a free loopback port (Debian's redis-server 7; CI installs
// it), with nothing saved to disk, that a test can kill and start again on the same port.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { untilPrinted } from './processes.ts';

/** A loopback port nothing listens on now. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

export async function startRedisServer() {
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start() {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await untilPrinted(started, /Ready to accept connections/);
    child = started;
  }

  /** Ends it at once (SIGKILL: as a crash or a lost host would). */
  async function kill() {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
  }

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, stop: kill };
}
