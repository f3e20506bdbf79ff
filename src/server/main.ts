// The console server, and unless a CSMS endpoint is configured, the embedded emulator with demo
// data, in one process (`npm start` builds first when needed: scripts/start.mjs).
import type { Credentials } from '../shared/signer.ts';
import { buildConsoleServer } from './app.ts';
import { listenProblem, serverConfigFromEnv, type ServerConfig } from './config.ts';
import { discoveredProjects, fixedProjects, type ProjectSource } from './projects.ts';
import { httpDependency, type Dependency } from './health.ts';
import { connectRedis, whenReady } from './redis.ts';
import { regionRouting, singleRouting, type Routing } from './routing.ts';
import { sharedConfigFromEnv } from './shared-config.ts';
import { stopOnSignals } from './shutdown.ts';
import { memoryStartTokens, newStartToken, redisStartTokens } from './auth/start-token.ts';
import { redisStores } from './stores.ts';

function fail(message: string): never {
  process.stderr.write(`Cannot start: ${message}\n`);
  process.exit(1);
}

const fromEnv = <T>(read: () => T): T => {
  try {
    return read();
  } catch (error) {
    return fail((error as Error).message);
  }
};
let config: ServerConfig = fromEnv(serverConfigFromEnv);
const shared = fromEnv(sharedConfigFromEnv);

const unsafe = listenProblem(config);
if (unsafe) fail(unsafe);

let routing: Routing;
let projects: ProjectSource;
let credentials: Credentials | undefined;
let dependencies: Dependency[];
let closeEmulator = async () => {};
const lines: string[] = [];
if (config.mode === 'emulator') {
  // Loaded only here: a console in front of the cloud never loads the emulator or SQLite.
  const { startEmbeddedEmulator } = await import('../emulator/embedded.ts');
  const emulator = await startEmbeddedEmulator({ signIn: config.auth.mode === 'iam' });
  routing = singleRouting(emulator.url);
  dependencies = [httpDependency('csms emulator', emulator.url, config.timeoutMs)];
  projects = fixedProjects(emulator.projects);
  if (config.auth.mode === 'iam') config = { ...config, iamEndpoint: emulator.url };
  else credentials = emulator.credentials;
  closeEmulator = emulator.close;
  lines.push(...emulator.banner);
} else if (config.auth.mode === 'iam') {
  // Each person signs in; their projects and tokens come from IAM then.
  routing = regionRouting(config.regions);
  dependencies = [...regionDependencies(config), httpDependency('iam', config.iamEndpoint, config.timeoutMs)];
  projects = fixedProjects([]);
  for (const region of config.regions)
    lines.push(
      `CSMS endpoint  ${region.endpoint}  (${region.name}, each user's own IAM token)`,
      `CTS endpoint   ${region.ctsEndpoint}  (${region.name}, the Activity section)`,
    );
  lines.push(`IAM            ${config.iamEndpoint}  (sign-in)`);
} else {
  routing = regionRouting(config.regions);
  dependencies = regionDependencies(config);
  credentials = config.credentials!;
  for (const region of config.regions)
    lines.push(
      `CSMS endpoint  ${region.endpoint}  (${region.name}, signed with AK ${credentials.accessKey})`,
      `CTS endpoint   ${region.ctsEndpoint}  (${region.name}, the Activity section)`,
    );
  if (config.projects.length > 0) projects = fixedProjects(config.projects);
  else {
    // Projects come from IAM: at start (a failure stops the start with its reason), then hourly.
    projects = await discoveredProjects(
      config.iamEndpoint,
      credentials,
      config.regions.map((r) => r.name),
      config.timeoutMs,
    ).catch((error: Error) => fail(`project discovery through ${config.iamEndpoint} failed: ${error.message}`));
    lines.push(`IAM            ${config.iamEndpoint}  (${projects.list().length} projects discovered)`);
  }
}

// Several instances share sessions, limits and caches in Redis; the console starts without it
// (it reconnects by itself), answering 503 where it is needed until then.
const redis = shared.redis && connectRedis(shared.redis.url, (message) => process.stderr.write(`${message}\n`));
if (redis) {
  const { host: redisHost, port: redisPort } = redis.options;
  const reached = await whenReady(redis, 5000);
  lines.push(
    `Redis          ${redisHost}:${redisPort}  (shared by the instances${reached ? '' : '; not reachable yet'}), this instance ${shared.instance}`,
  );
}
const stores = redis && redisStores(redis, shared.redis!.sessionKeys);

// With the server's key and nobody signing in, the first visit must bring the printed token.
const startToken = config.mode === 'cloud' && config.auth.mode === 'none' ? newStartToken() : undefined;
const startTokens =
  startToken === undefined
    ? undefined
    : redis
      ? await redisStartTokens(redis, startToken).catch(() => fail('the one-time start token could not be kept in Redis.'))
      : memoryStartTokens(startToken);
// The signed digests leave with the process log; what the audit found at start goes to stderr.
const auditReport = {
  digest: (line: string) => process.stdout.write(line),
  notice: (message: string) => process.stderr.write(`${message}\n`),
};
const app = fromEnv(() =>
  buildConsoleServer(config, {
    routing,
    projects,
    credentials,
    dependencies,
    startTokens,
    stores,
    instance: shared.instance,
    auditReport,
  }),
);
await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const host = config.host.includes(':') ? `[${config.host}]` : config.host;
lines.unshift(`CSMS console   http://${host}:${port}/${startToken ? `?token=${startToken}  (opens once, in one browser)` : ''}`);
if (config.auth.mode !== 'iam') for (const p of projects.list()) lines.push(`  project ${p.id}  ${p.name} (${p.region})`);
process.stdout.write(`${lines.filter(Boolean).join('\n')}\nPress Ctrl-C to stop.\n`);

function regionDependencies(c: ServerConfig): Dependency[] {
  return c.regions.map((r) => httpDependency(`csms ${r.name}`, r.endpoint, c.timeoutMs));
}

stopOnSignals(app, async () => {
  projects.close();
  await closeEmulator();
  redis?.disconnect();
});
