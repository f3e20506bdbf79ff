// The emulator's CSMS rules, over HTTP, with requests signed by the official signer; every answer
// is checked against the official definitions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValid } from './testing/openapi.ts';
import { randomProjectId, startTestEmulator } from './testing/start-test-emulator.ts';
import type { CsmsClient } from './testing/csms-client.ts';

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let csms: CsmsClient;
beforeAll(async () => {
  emulator = await startTestEmulator();
  csms = emulator.clientFor(randomProjectId());
});
afterAll(() => emulator.close());

describe('secrets', () => {
  it('creates a secret whose v1 gets SYSCURRENT, and shows it', async () => {
    const created = await csms.createSecret({ name: 'db-password', secret_string: 's3cret', description: 'a db' });
    expect(created.status).toBe(200);
    expectValid('CreateSecret', 200, created.body);
    expect(created.body.secret).toMatchObject({ name: 'db-password', state: 'ENABLED', secret_type: 'COMMON', description: 'a db' });
    expect(created.body.secret.create_time).toBeGreaterThan(1e12); // milliseconds

    const shown = await csms.showSecret('db-password');
    expectValid('ShowSecret', 200, shown.body);
    expect(shown.body.secret).not.toHaveProperty('secret_string');

    const versions = await csms.listVersions('db-password');
    expectValid('ListSecretVersions', 200, versions.body);
    expect(versions.body.version_metadatas).toEqual([expect.objectContaining({ id: 'v1', version_stages: ['SYSCURRENT'] })]);
  });

  it('refuses a duplicate name, a bad name and a missing or double value', async () => {
    await csms.createSecret({ name: 'dup', secret_string: 'x' });
    const again = await csms.createSecret({ name: 'dup', secret_string: 'x' });
    expect(again.status).toBe(400);
    expectValid('CreateSecret', 400, again.body);
    expect((await csms.createSecret({ name: 'bad name!', secret_string: 'x' })).body.error_code).toBe('CSMS.0002');
    expect((await csms.createSecret({ name: 'a'.repeat(65), secret_string: 'x' })).body.error_code).toBe('CSMS.0002');
    expect((await csms.createSecret({ name: 'novalue' })).body.error_code).toBe('CSMS.0002');
    expect((await csms.createSecret({ name: 'both', secret_string: 'x', secret_binary: 'eA==' })).body.error_code).toBe('CSMS.0002');
    expect((await csms.createSecret({ name: 'notb64', secret_binary: '***' })).body.error_code).toBe('CSMS.0002');
  });

  it('keeps values up to 32768 characters and refuses longer ones', async () => {
    const max = 'é'.repeat(32768);
    expect((await csms.createSecret({ name: 'big', secret_string: max })).status).toBe(200);
    expect((await csms.showVersion('big', 'v1')).body.version.secret_string).toBe(max);
    const tooBig = await csms.createSecret({ name: 'too-big', secret_string: 'x'.repeat(32769) });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error_code).toBe('CSMS.0002');
  });

  it('pages ListSecrets by name with limit and marker', async () => {
    const project = emulator.clientFor(randomProjectId());
    for (const name of ['c', 'a', 'e', 'b', 'd']) await project.createSecret({ name, secret_string: name });
    const first = await project.listSecrets({ limit: '2' });
    expectValid('ListSecrets', 200, first.body);
    expect(first.body.secrets.map((s: { name: string }) => s.name)).toEqual(['a', 'b']);
    expect(first.body.page_info).toEqual({ next_marker: 'b', current_count: 2 });
    const second = await project.listSecrets({ limit: '2', marker: 'b' });
    expect(second.body.secrets.map((s: { name: string }) => s.name)).toEqual(['c', 'd']);
    const last = await project.listSecrets({ limit: '2', marker: 'd' });
    expect(last.body.secrets.map((s: { name: string }) => s.name)).toEqual(['e']);
    expect(last.body.page_info).toEqual({ previous_marker: 'd', current_count: 1 });
    for (const limit of ['0', '1001', 'x', '-1']) expect((await project.listSecrets({ limit })).body.error_code).toBe('CSMS.0002');
  });

  it('keeps projects apart', async () => {
    const other = emulator.clientFor(randomProjectId());
    expect((await other.showSecret('db-password')).status).toBe(404);
    expect((await other.listSecrets()).body.secrets).toEqual([]);
  });

  it('answers a missing secret, version and stage with 404', async () => {
    const secret = await csms.showSecret('nope');
    expect([secret.status, secret.body.error_code]).toEqual([404, 'CSMS.0106']);
    expectValid('ShowSecret', 404, secret.body);
    const version = await csms.showVersion('db-password', 'v99');
    expect([version.status, version.body.error_code]).toEqual([404, 'CSMS.0005']);
    const stage = await csms.showStage('db-password', 'NOPE');
    expect([stage.status, stage.body.error_code]).toEqual([404, 'CSMS.0005']);
  });

  it('updates metadata, and computes the next rotation', async () => {
    await csms.createSecret({
      name: 'rotating',
      secret_string: 'x',
      secret_type: 'RDS-FG',
      auto_rotation: true,
      rotation_period: '30d',
      rotation_config: '{"instance_id":"i"}',
    });
    const shown = await csms.showSecret('rotating');
    expect(shown.body.secret.next_rotation_time - shown.body.secret.rotation_time).toBe(30 * 86400_000);
    const updated = await csms.updateSecret('rotating', { description: 'new', rotation_period: '12h' });
    expectValid('UpdateSecret', 200, updated.body);
    expect(updated.body.secret.description).toBe('new');
    expect(updated.body.secret.next_rotation_time - updated.body.secret.rotation_time).toBe(12 * 3600_000);
    expect((await csms.updateSecret('rotating', { rotation_period: '5h' })).body.error_code).toBe('CSMS.0002');
  });
});

describe('versions and stages', () => {
  it('moves SYSCURRENT to a new version and SYSPREVIOUS to the old one', async () => {
    await csms.createSecret({ name: 'rot', secret_string: 'one' });
    const v2 = await csms.createVersion('rot', { secret_string: 'two' });
    expectValid('CreateSecretVersion', 200, v2.body);
    expect(v2.body.version_metadata).toMatchObject({ id: 'v2', version_stages: ['SYSCURRENT'] });
    await csms.createVersion('rot', { secret_string: 'three' });
    const list = await csms.listVersions('rot');
    expect(list.body.version_metadatas.map((v: { id: string; version_stages: string[] }) => [v.id, v.version_stages])).toEqual([
      ['v3', ['SYSCURRENT']],
      ['v2', ['SYSPREVIOUS']],
      ['v1', []],
    ]);
    const latest = await csms.showVersion('rot', 'latest');
    expectValid('ShowSecretVersion', 200, latest.body);
    expect(latest.body.version).toMatchObject({ secret_string: 'three', version_metadata: { id: 'v3' } });
  });

  it('puts a custom stage on one version only, and deletes it', async () => {
    const moved = await csms.updateStage('rot', 'CANARY', 'v1');
    expectValid('UpdateSecretStage', 200, moved.body);
    await csms.updateStage('rot', 'CANARY', 'v2');
    const stage = await csms.showStage('rot', 'CANARY');
    expectValid('ShowSecretStage', 200, stage.body);
    expect(stage.body.stage).toMatchObject({ name: 'CANARY', version_id: 'v2', secret_name: 'rot' });
    const list = await csms.listVersions('rot');
    expect(list.body.version_metadatas.find((v: { id: string }) => v.id === 'v1').version_stages).toEqual([]);
    expect((await csms.deleteStage('rot', 'CANARY')).status).toBe(204);
    expect((await csms.showStage('rot', 'CANARY')).status).toBe(404);
    expect((await csms.updateStage('rot', 'CANARY', 'v9')).status).toBe(404);
  });

  it('never deletes a built-in stage', async () => {
    for (const stage of ['SYSCURRENT', 'SYSPREVIOUS']) {
      const answer = await csms.deleteStage('rot', stage);
      expect([answer.status, answer.body.error_code]).toEqual([400, 'CSMS.0105']);
    }
  });

  it('allows at most 12 stages', async () => {
    await csms.createSecret({ name: 'staged', secret_string: 'x' });
    for (let i = 0; i < 11; i++) expect((await csms.updateStage('staged', `S${i}`, 'v1')).status).toBe(200);
    const thirteenth = await csms.updateStage('staged', 'ONE_TOO_MANY', 'v1');
    expect([thirteenth.status, thirteenth.body.error_code]).toEqual([400, 'CSMS.0203']);
  });

  it('allows v1 to v20 and refuses the 21st version', async () => {
    await csms.createSecret({ name: 'twenty', secret_string: '1' });
    for (let i = 2; i <= 20; i++) expect((await csms.createVersion('twenty', { secret_string: String(i) })).status).toBe(200);
    const refused = await csms.createVersion('twenty', { secret_string: '21' });
    expect([refused.status, refused.body.error_code]).toEqual([400, 'CSMS.0003']);
    const page = await csms.listVersions('twenty', { limit: 8 });
    expect(page.body.page_info).toEqual({ next_marker: 'v13', current_count: 8 });
    const next = await csms.listVersions('twenty', { limit: 8, marker: 'v13' });
    expect(next.body.version_metadatas[0].id).toBe('v12');
  });

  it('stores binary values as base64 and records expiry', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 0]).toString('base64');
    await csms.createSecret({ name: 'bin', secret_binary: bytes });
    const expire = Date.now() - 1000;
    await csms.createVersion('bin', { secret_binary: bytes, expire_time: expire, version_stages: ['OLD'] });
    const v2 = await csms.showVersion('bin', 'v2');
    expect(v2.body.version).toEqual({
      version_metadata: expect.objectContaining({ expire_time: expire, version_stages: ['OLD'] }),
      secret_binary: bytes,
    });
    expect((await csms.showVersion('bin', 'v1')).body.version.version_metadata.version_stages).toEqual(['SYSCURRENT']);
  });

  it('reads values only from ENABLED secrets', async () => {
    await csms.createSecret({ name: 'off', secret_string: 'hidden-value' });
    for (const state of ['DISABLED', 'FROZEN', 'PENDING_DELETE']) {
      await emulator.admin.setState(csms.projectId, 'off', state);
      const read = await csms.showVersion('off', 'v1');
      expect(read.status).toBe(400);
      expect(read.body.error_code).toBe(state === 'PENDING_DELETE' ? 'CSMS.0103' : 'CSMS.0003');
      expect(JSON.stringify(read.body)).not.toContain('hidden-value');
      expect((await csms.createVersion('off', { secret_string: 'y' })).status).toBe(400);
    }
    const pending = await csms.showSecret('off');
    expect(pending.body.secret.scheduled_delete_time).toBeGreaterThan(Date.now());
  });
});

describe('RotateSecret', () => {
  it('creates a version holding SYSCURRENT, the old one SYSPREVIOUS, records a task; refuses a common secret', async () => {
    await csms.createSecret({ name: 'rds-user', secret_string: 'old', secret_type: 'RDS-FG' });
    const rotated = await csms.rotate('rds-user');
    expect(rotated.status).toBe(200);
    expectValid('RotateSecret', 200, rotated.body);
    expect(rotated.body).toEqual({ version_id: 'v2', secret_name: 'rds-user', rotation_task_id: expect.any(String) });
    const versions = await csms.listVersions('rds-user');
    expect(versions.body.version_metadatas.map((v: { id: string; version_stages: string[] }) => [v.id, v.version_stages])).toEqual([
      ['v2', ['SYSCURRENT']],
      ['v1', ['SYSPREVIOUS']],
    ]);
    expect((await csms.showVersion('rds-user', 'v2')).body.version.secret_string).not.toBe('old');
    const tasks = await csms.listTasks({ secret_name: 'rds-user' });
    expect(tasks.body.tasks).toEqual([expect.objectContaining({ task_id: rotated.body.rotation_task_id, task_status: 'SUCCESS' })]);

    await csms.createSecret({ name: 'plain', secret_string: 'x' });
    const refused = await csms.rotate('plain');
    expect(refused.status).toBe(400);
    expect(refused.body.error_msg).toMatch(/common secrets/);
  });
});
