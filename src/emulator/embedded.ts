// The emulator as `npm start` embeds it: configured from the environment, with what the console
// needs to read it (its URL, projects and key pair) and the lines to print at start.
import { EMULATOR_DEFAULTS, emulatorConfigFromEnv } from './config.ts';
import { DEMO_IAM } from './demo-seed.ts';
import { startEmulator } from './emulator.ts';

/** With no seeded project, the console still offers one to look into. */
const LOCAL_PROJECT = { id: '0123456789abcdef0123456789abcdef', name: 'local', region: 'local' };

export async function startEmbeddedEmulator(opts: { signIn: boolean }) {
  const config = emulatorConfigFromEnv();
  const emulator = await startEmulator(config);
  const defaults = config.auth.accessKey === EMULATOR_DEFAULTS.accessKey;
  const banner = [`CSMS emulator  ${emulator.url}  (database ${config.dbPath}, seed ${config.seed})`];
  if (opts.signIn && config.seed === 'demo')
    banner.push(
      `  sign in to account ${DEMO_IAM.domain} as:`,
      ...DEMO_IAM.users.map((u) => `    ${u.name.padEnd(9)} password ${u.password}`),
    );
  else if (!opts.signIn && defaults)
    banner.push(
      `  demo credentials: AK ${EMULATOR_DEFAULTS.accessKey}  SK ${EMULATOR_DEFAULTS.secretKey}`,
      `                    X-Auth-Token ${EMULATOR_DEFAULTS.token}`,
    );
  else if (!opts.signIn) banner.push('  credentials: from the environment');
  return {
    url: emulator.url,
    projects: emulator.projects.length > 0 ? emulator.projects : [LOCAL_PROJECT],
    credentials: { accessKey: config.auth.accessKey, secretKey: config.auth.secretKey },
    banner,
    close: emulator.close,
  };
}
