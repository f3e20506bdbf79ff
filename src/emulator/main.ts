// `npm run emulator`: the CSMS emulator alone.
import { emulatorConfigFromEnv } from './config.ts';
import { startEmulator } from './emulator.ts';

const config = emulatorConfigFromEnv();
const emulator = await startEmulator(config);
process.stdout.write(
  [
    `CSMS emulator on ${emulator.url}${config.faults ? ' (fault injection on)' : ''}`,
    `  database: ${config.dbPath}`,
    `  auth: X-Auth-Token ${config.auth.token}`,
    `        or AK/SK ${config.auth.accessKey} / ${config.auth.secretKey}`,
    ...emulator.projects.map((p) => `  project ${p.id}  ${p.name} (${p.region})`),
    '',
  ].join('\n'),
);
const stop = () => void emulator.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
