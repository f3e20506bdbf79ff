// A rolling restart loses no request: two console processes on one Redis behind a round-robin
// balancer, under a load of value reads and metadata reads, each stopped with SIGTERM and started
// again in turn. Every answer is a 2xx (or a 429 of the value-read limit), each process exits 0,
// a request in flight when SIGTERM comes is still answered (and audited), and each instance's
// audit file is a chain of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IAM, DEMO_PROJECTS } from '../emulator/demo-seed.ts';
import { startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { verifyChain } from './audit-chain.ts';
import { untilPrinted } from './testing/processes.ts';
import { freePort, startRedisServer } from './testing/redis-server.ts';
import { startRoundRobin } from './testing/round-robin.ts';

const { production } = DEMO_PROJECTS;
const operator = DEMO_IAM.users[0]!;
const VALUE = `/api/v1/${production.id}/secrets/grafana-admin/versions/latest`;
const LIST = `/api/v1/${production.id}/secrets?limit=5`;
const auditDir = mkdtempSync(join(tmpdir(), 'console-rolling-'));

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let redis: Awaited<ReturnType<typeof startRedisServer>>;

// Between the consoles and CSMS: passes every call on, but can hold the next value read until
// released, so a test knows a request is in flight.
let hold: { arrived: () => void; release: Promise<void> } | undefined;
let gate: Server;
function startGate() {
  gate = createServer((req, res) => {
    const held = req.url!.endsWith('/versions/latest') ? hold : undefined;
    if (held) hold = undefined;
    held?.arrived();
    void (held?.release ?? Promise.resolve()).then(() => {
      const { host: _host, ...headers } = req.headers;
      const target = new URL(emulator.url);
      request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      }).end();
    });
  });
  // Longer than the consoles keep an idle connection: it never closes one as they reuse it.
  gate.keepAliveTimeout = 60_000;
  gate.listen(0, '127.0.0.1');
  return once(gate, 'listening');
}

interface Instance {
  name: string;
  port: number;
  child: ChildProcess;
}

/** `npm start`'s server as a process of its own, once it says it listens. */
async function start(name: string, port: number): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      CSMS_ENDPOINT: `http://127.0.0.1:${(gate.address() as AddressInfo).port}`,
      CSMS_REGION: production.region,
      CSMS_IAM_ENDPOINT: emulator.url,
      CONSOLE_AUTH: 'iam',
      CONSOLE_REDIS_URL: redis.url,
      CONSOLE_SESSION_KEY: 'ab'.repeat(32),
      CONSOLE_INSTANCE: name,
      CONSOLE_AUDIT_LOG: join(auditDir, `${name}.log`),
      CONSOLE_VALUE_READS_PER_MINUTE: '600',
      // The balancer passes the Host it was asked for, as nginx's `proxy_set_header Host $host`.
      CONSOLE_ALLOWED_HOSTS: new URL(balancer.url).host,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await untilPrinted(child, /Press Ctrl-C to stop\./);
  return { name, port, child };
}

/** SIGTERM, and the exit code. */
async function stop(instance: Instance) {
  const exited = once(instance.child, 'exit');
  instance.child.kill('SIGTERM');
  return (await exited)[0] as number | null;
}

let instances: Instance[];
let balancer: Awaited<ReturnType<typeof startRoundRobin>>;
beforeAll(async () => {
  [emulator, redis] = await Promise.all([startTestEmulator('demo'), startRedisServer()]);
  await startGate();
  const ports = [await freePort(), await freePort()];
  balancer = await startRoundRobin(ports);
  instances = await Promise.all([start('console-a', ports[0]!), start('console-b', ports[1]!)]);
}, 90_000);
afterAll(async () => {
  await balancer.close();
  for (const instance of instances) if (instance.child.exitCode === null) await stop(instance);
  gate.close();
  await redis.stop();
  await emulator.close();
});

describe('a rolling restart', () => {
  it('loses no request, and each instance exits 0', async () => {
    const signIn = await fetch(`${balancer.url}/api/session`, {
      method: 'POST',
      headers: { 'x-console-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: operator.name, password: operator.password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

    const statuses: Record<number, number> = {};
    let loading = true;
    const worker = async (n: number) => {
      for (let i = n; loading; i++) {
        const res = await fetch(`${balancer.url}${i % 2 ? VALUE : LIST}`, { headers: { 'x-console-request': '1', cookie } });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    };
    const load = Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    const exits: (number | null)[] = [];
    for (const [i, instance] of instances.entries()) {
      exits.push(await stop(instance));
      instances[i] = await start(instance.name, instance.port);
    }
    loading = false;
    await load;

    expect(exits).toEqual([0, 0]);
    const total = Object.values(statuses).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(100);
    const lost = Object.entries(statuses).filter(([status]) => !/^2/.test(status) && status !== '429');
    expect(lost, JSON.stringify(statuses)).toEqual([]);
  }, 120_000);

  it('answers a request in flight when SIGTERM comes, audits it, then exits 0', async () => {
    const [a] = instances as [Instance];
    const signIn = await fetch(`http://127.0.0.1:${a.port}/api/session`, {
      method: 'POST',
      headers: { 'x-console-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: operator.name, password: operator.password }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    let release = () => {};
    const arrived = new Promise<void>((resolve) => (hold = { arrived: resolve, release: new Promise((r) => (release = r)) }));
    const slow = fetch(`http://127.0.0.1:${a.port}${VALUE}`, { headers: { 'x-console-request': '1', cookie } });
    await arrived;
    const exited = stop(a);
    // It stops accepting at once; the request in flight goes on, and is answered.
    await waitFor(async () => (await refused(a.port)) === true);
    release();
    expect((await slow).status).toBe(200);
    expect(await exited).toBe(0);
    instances[0] = await start(a.name, a.port);
    expect(
      readFileSync(join(auditDir, 'console-a.log'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .at(-1),
    ).toMatchObject({
      instance: 'console-a',
      event: 'secret.value.read',
      outcome: 'ok',
    });
  }, 60_000);

  it('keeps one hash chain per instance file, across its restarts', () => {
    for (const name of ['console-a', 'console-b']) {
      const text = readFileSync(join(auditDir, `${name}.log`), 'utf8');
      expect(verifyChain(text)).toMatchObject({ ok: true });
      expect(
        new Set(
          text
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l).instance),
        ),
      ).toEqual(new Set([name]));
    }
  });
});

/** Whether a new connection to the port is refused. */
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(false));
    socket.once('error', () => resolve(true));
  }).finally(() => undefined);

async function waitFor(condition: () => Promise<boolean>) {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}
