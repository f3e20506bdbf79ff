// An in-process emulator on a free loopback port, in memory, fault injection on.
import { randomBytes } from 'node:crypto';
import { EMULATOR_DEFAULTS } from '../config.ts';
import { startEmulator } from '../emulator.ts';
import { emulatorAdmin } from './admin-client.ts';
import { csmsClient } from './csms-client.ts';

export const randomProjectId = () => randomBytes(16).toString('hex');

/** `ctsReads`: CTS records the reads too (as with query reporting configured). */
export async function startTestEmulator(seed = 'none', { ctsReads = false } = {}) {
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    dbPath: ':memory:',
    seed,
    faults: true,
    ctsReads,
    auth: { ...EMULATOR_DEFAULTS },
  });
  const clientFor = (projectId: string) =>
    csmsClient({ endpoint: emulator.url, accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey, projectId });
  const admin = emulatorAdmin(emulator.url);
  /** An event on failed rotations, subscribed by SMN, that has notified about `secretName` once. */
  const addRotationAlert = async (projectId: string, secretName: string) => {
    await clientFor(projectId).createEvent({
      name: 'alerts',
      event_types: ['SECRET_ROTATED_FAILED'],
      state: 'ENABLED',
      notification: { target_type: 'SMN', target_id: 'urn:smn:cn-north-4:x:alerts', target_name: 'alerts' },
    });
    await admin.addNotification(projectId, {
      event_name: 'alerts',
      secret_name: secretName,
      trigger_event_type: 'SECRET_ROTATED_FAILED',
      notification_status: 'SUCCESS',
    });
  };
  return { ...emulator, clientFor, admin, addRotationAlert };
}
