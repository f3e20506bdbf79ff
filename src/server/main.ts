// `npm start`: the console server, and unless CSMS_ENDPOINT points at a real CSMS, the embedded
// emulator with demo data, in one process.
import { EMULATOR_DEFAULTS, emulatorConfigFromEnv } from '../emulator/config.ts';
import { DEMO_IAM } from '../emulator/demo-seed.ts';
import { startEmulator, type RunningEmulator } from '../emulator/emulator.ts';
import { buildConsoleServer } from './app.ts';
import { buildIfNeeded } from './build-if-needed.ts';
import { listenProblem, serverConfigFromEnv } from './config.ts';
import { discoverProjects } from './discovery.ts';
import type { Credentials } from './config.ts';
import { regionRouting, singleRouting, type Routing } from './routing.ts';

const DISCOVERY_INTERVAL_MS = 3600_000;

function fail(message: string): never {
  process.stderr.write(`Cannot start: ${message}\n`);
  process.exit(1);
}

const config = (() => {
  try {
    return serverConfigFromEnv();
  } catch (error) {
    return fail((error as Error).message);
  }
})();

const unsafe = listenProblem(config);
if (unsafe) fail(unsafe);

await buildIfNeeded(config.staticDir);

let emulator: RunningEmulator | undefined;
let routing: Routing;
let credentials: Credentials | undefined;
const lines: string[] = [];
if (config.mode === 'emulator') {
  const emulatorConfig = emulatorConfigFromEnv();
  emulator = await startEmulator(emulatorConfig);
  routing = singleRouting(emulator.url);
  if (config.auth.mode === 'iam') config.iamEndpoint = emulator.url;
  else credentials = { accessKey: emulatorConfig.auth.accessKey, secretKey: emulatorConfig.auth.secretKey };
  config.projects =
    emulator.projects.length > 0 ? emulator.projects : [{ id: '0123456789abcdef0123456789abcdef', name: 'local', region: 'local' }];
  const defaults = emulatorConfig.auth.accessKey === EMULATOR_DEFAULTS.accessKey;
  lines.push(`CSMS emulator  ${emulator.url}  (database ${emulatorConfig.dbPath}, seed ${emulatorConfig.seed})`);
  if (config.auth.mode === 'iam' && emulatorConfig.seed === 'demo')
    lines.push(
      `  sign in to account ${DEMO_IAM.domain} as:`,
      ...DEMO_IAM.users.map((u) => `    ${u.name.padEnd(9)} password ${u.password}`),
    );
  else if (config.auth.mode !== 'iam')
    lines.push(
      defaults
        ? `  demo credentials: AK ${EMULATOR_DEFAULTS.accessKey}  SK ${EMULATOR_DEFAULTS.secretKey}`
        : '  credentials: from the environment',
      defaults ? `                    X-Auth-Token ${EMULATOR_DEFAULTS.token}` : '',
    );
} else if (config.auth.mode === 'iam') {
  // Each person signs in; their projects and tokens come from IAM then.
  routing = regionRouting(config.regions);
  for (const region of config.regions) lines.push(`CSMS endpoint  ${region.endpoint}  (${region.name}, each user's own IAM token)`);
  lines.push(`IAM            ${config.iamEndpoint}  (sign-in)`);
} else {
  routing = regionRouting(config.regions);
  credentials = config.credentials!;
  for (const region of config.regions)
    lines.push(`CSMS endpoint  ${region.endpoint}  (${region.name}, signed with AK ${credentials.accessKey})`);
  if (config.projects.length === 0) {
    // Projects come from IAM: at start (a failure stops the start with its reason), then hourly.
    const discover = () =>
      discoverProjects(
        config.iamEndpoint,
        credentials!,
        config.regions.map((r) => r.name),
        config.timeoutMs,
      );
    config.projects = await discover().catch((error: Error) =>
      fail(`project discovery through ${config.iamEndpoint} failed: ${error.message}`),
    );
    setInterval(
      () =>
        void discover().then(
          (projects) => (config.projects = projects),
          () => {},
        ),
      DISCOVERY_INTERVAL_MS,
    ).unref();
    lines.push(`IAM            ${config.iamEndpoint}  (${config.projects.length} projects discovered)`);
  }
}

const app = buildConsoleServer(config, { routing, credentials });
await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
lines.unshift(`CSMS console   http://${config.host}:${port}/`);
if (config.auth.mode !== 'iam') for (const p of config.projects) lines.push(`  project ${p.id}  ${p.name} (${p.region})`);
process.stdout.write(`${lines.filter(Boolean).join('\n')}\nPress Ctrl-C to stop.\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await app.close();
  await emulator?.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
