// KMS's part of the emulator: ListKeyDetail (checked against its definition), the default key, and
// a value read under a key that is not enabled failing with KMS's code.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from './config.ts';
import { signRequest } from './testing/csms-client.ts';
import { expectValid } from './testing/openapi.ts';
import { randomProjectId, startTestEmulator } from './testing/start-test-emulator.ts';

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

/** ListKeyDetail, signed as the official SDK signs it. */
async function describeKey(projectId: string, keyId: unknown) {
  const url = new URL(`${emulator.url}/v1.0/${projectId}/kms/describe-key`);
  const data = { key_id: keyId };
  const res = await fetch(url, { method: 'POST', headers: signRequest(EMULATOR_DEFAULTS, 'POST', url, data), body: JSON.stringify(data) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('KMS keys', () => {
  it('describes the default key csms/default, enabled, which a new secret is encrypted under', async () => {
    const csms = emulator.clientFor(randomProjectId());
    const { body: created } = await csms.createSecret({ name: 'db', secret_string: 'x' });
    const answer = await describeKey(csms.projectId, created.secret.kms_key_id);
    expect(answer.status).toBe(200);
    expectValid('KMS-ListKeyDetail', 200, answer.body);
    expect(answer.body.key_info).toMatchObject({ key_id: created.secret.kms_key_id, key_alias: 'csms/default', key_state: '2' });
  });

  it('refuses an unknown key and a body without a key id', async () => {
    const csms = emulator.clientFor(randomProjectId());
    const unknown = await describeKey(csms.projectId, randomUUID());
    expect(unknown.status).toBe(400);
    expectValid('KMS-ListKeyDetail', 400, unknown.body);
    expect(unknown.body.error.error_code).toBe('KMS.0207');
    expect((await describeKey(csms.projectId, 42)).status).toBe(400);
  });

  it('reads no value under a disabled key, or one pending deletion, and reads again once enabled', async () => {
    const csms = emulator.clientFor(randomProjectId());
    const keyId = randomUUID();
    await emulator.admin.setKey(csms.projectId, keyId, 'team/key', '3');
    await csms.createSecret({ name: 'locked', secret_string: 'v', kms_key_id: keyId });
    const disabled = await csms.showVersion('locked', 'v1');
    expect(disabled.status).toBe(400);
    expect(disabled.body.error).toMatchObject({ error_code: 'KMS.0209' });
    expect(JSON.stringify(disabled.body)).not.toContain('"v"');
    expect((await csms.listVersions('locked')).status).toBe(200);

    await emulator.admin.setKey(csms.projectId, keyId, 'team/key', '4');
    expect((await csms.showVersion('locked', 'v1')).body.error.error_code).toBe('KMS.0210');
    expect((await describeKey(csms.projectId, keyId)).body.key_info).toMatchObject({ key_alias: 'team/key', key_state: '4' });

    await emulator.admin.setKey(csms.projectId, keyId, 'team/key', '2');
    expect((await csms.showVersion('locked', 'v1')).body.version.secret_string).toBe('v');
  });
});
