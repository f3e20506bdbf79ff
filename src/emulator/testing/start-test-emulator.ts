// An in-process emulator on a free loopback port, in memory, fault injection on.
import { randomBytes } from 'node:crypto';
import { EMULATOR_DEFAULTS } from '../config.ts';
import { startEmulator } from '../emulator.ts';
import { emulatorAdmin } from './admin-client.ts';
import { csmsClient } from './csms-client.ts';

export const randomProjectId = () => randomBytes(16).toString('hex');

export async function startTestEmulator(seed = 'none') {
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    dbPath: ':memory:',
    seed,
    faults: true,
    auth: { ...EMULATOR_DEFAULTS },
  });
  const clientFor = (projectId: string) =>
    csmsClient({ endpoint: emulator.url, accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey, projectId });
  return { ...emulator, clientFor, admin: emulatorAdmin(emulator.url) };
}
