// `npm start`: the console server, and unless a CSMS endpoint is configured, the embedded emulator
// with demo data, in one process.
import type { Credentials } from '../csms/signer.ts';
import { buildConsoleServer } from './app.ts';
import { buildIfNeeded } from './build-if-needed.ts';
import { listenProblem, serverConfigFromEnv, type ServerConfig } from './config.ts';
import { discoveredProjects, fixedProjects, type ProjectSource } from './projects.ts';
import { httpDependency, type Dependency } from './health.ts';
import { regionRouting, singleRouting, type Routing } from './routing.ts';
import { newStartToken } from './start-token.ts';

function fail(message: string): never {
  process.stderr.write(`Cannot start: ${message}\n`);
  process.exit(1);
}

let config: ServerConfig = (() => {
  try {
    return serverConfigFromEnv();
  } catch (error) {
    return fail((error as Error).message);
  }
})();

const unsafe = listenProblem(config);
if (unsafe) fail(unsafe);

await buildIfNeeded(config.staticDir);

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

// With the server's key and nobody signing in, the first visit must bring the printed token.
const startToken = config.mode === 'cloud' && config.auth.mode === 'none' ? newStartToken() : undefined;
const app = buildConsoleServer(config, { routing, projects, credentials, dependencies, startToken });
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

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await app.close();
  projects.close();
  await closeEmulator();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
