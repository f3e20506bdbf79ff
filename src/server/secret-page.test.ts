// GET /api/secret-page/{project_id}/{secret_name}: a secret's pages' first reads in one request.
// The secret as ShowSecret answers it, its KMS key's state and its value reads; ShowSecret asked
// once, and its refusal answered exactly as the ShowSecret mirror answers it, with nothing else
// asked upstream; a key that cannot be read is "unknown, and why", never a failed page.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { DEMO_KEYS, DEMO_PROJECTS } from '../emulator/demo-seed.ts';
import { startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { startTestServer } from './testing/start-test-server.ts';

const { production, staging } = DEMO_PROJECTS;
const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const page = (project: string, name: string) => `/api/secret-page/${project}/${name}`;
const json = async (res: Response) => (await res.json()) as Record<string, any>;

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  emulator = await startTestEmulator('demo');
  server = await startTestServer({ endpoint: emulator.url, ...creds }, { instance: 'console-a' });
});
afterAll(async () => {
  await server.close();
  await emulator.close();
});
beforeEach(async () => {
  await emulator.admin.clearFaults();
  await emulator.admin.clearRequests();
});

describe("a secret's page", () => {
  it('answers the secret as its mirror does, its key state and its value reads, asking ShowSecret once', async () => {
    expect((await server.get(`/api/v1/${staging.id}/secrets/staging-postgres-app/versions/v1`)).status).toBe(200);
    const shown = await json(await server.get(`/api/v1/${staging.id}/secrets/staging-partner-sftp`));
    await emulator.admin.clearRequests();

    const answer = await server.get(page(staging.id, 'staging-partner-sftp'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(await answer.json()).toEqual({
      secret: shown.secret,
      key: { ok: true, key_id: DEMO_KEYS.disabled.key_id, key_alias: DEMO_KEYS.disabled.alias, key_state: '3' },
      value_reads: { reads: [], since: expect.any(Number), scope: 'instance', kept: expect.any(Number) },
    });
    const upstream = (await emulator.admin.requests(staging.id)).map((r) => r.path);
    expect(upstream.filter((p) => p.endsWith('/secrets/staging-partner-sftp'))).toHaveLength(1);
    expect(upstream.filter((p) => p.endsWith('/kms/describe-key'))).toHaveLength(1);

    // Another secret's read is not this one's; its own is there.
    const reads = await json(await server.get(page(staging.id, 'staging-postgres-app')));
    expect(reads.value_reads.reads).toEqual([expect.objectContaining({ action: 'read', version: 'v1', instance: 'console-a' })]);
  });

  it("a missing secret: the mirror's 404, and nothing else asked", async () => {
    const mirror = await server.get(`/api/v1/${production.id}/secrets/no-such-secret`);
    await emulator.admin.clearRequests();
    const answer = await server.get(page(production.id, 'no-such-secret'));
    expect(answer.status).toBe(404);
    const body = await json(answer);
    expect(body).toEqual({ ...(await json(mirror)), request_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(body.error_code).toBe('CSMS.0106');
    expect((await emulator.admin.requests(production.id)).map((r) => r.path)).toEqual([`/v1/${production.id}/secrets/no-such-secret`]);
  });

  it('a throttled ShowSecret: its status, Retry-After and body passed on; one upstream call', async () => {
    await emulator.admin.addFault({
      path: `/v1/${production.id}/secrets/grafana-admin$`,
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { error_code: 'APIGW.0308', error_msg: 'Throttled.' },
    });
    const answer = await server.get(page(production.id, 'grafana-admin'));
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('2');
    expect(await answer.json()).toMatchObject({ error_code: 'APIGW.0308', error_msg: 'Throttled.' });
    expect(await emulator.admin.requests(production.id)).toHaveLength(1);
  });

  it('a key that cannot be read: the secret all the same, the key "unknown" with the permission it needs', async () => {
    await emulator.admin.addFault({ path: '/kms/describe-key$', status: 403, body: { error_code: 'KMS.0403', error_msg: 'Forbidden.' } });
    const answer = await server.get(page(staging.id, 'staging-legacy-reports'));
    expect(answer.status).toBe(200);
    expect((await json(answer)).key).toEqual({
      ok: false,
      key_id: DEMO_KEYS.pendingDeletion.key_id,
      status: 403,
      code: 'KMS.0403',
      message: 'Forbidden.',
      request_id: expect.any(String),
      permission: 'kms:cmk:get',
    });
  });

  it.each([
    ['a name that is not one', page(production.id, 'bad%20name'), /^Invalid secret_name/],
    ['a project id that is not one', page('not-a-project', 'db'), /^Invalid project_id/],
    ['a query parameter', `${page(production.id, 'grafana-admin')}?version=v1`, /version/],
  ])('refuses %s with the CSMS error body, before any upstream call', async (_, path, message) => {
    const answer = await server.get(path);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error_code: 'CSMS.0002', error_msg: expect.stringMatching(message) });
    expect(await emulator.admin.requests(production.id)).toHaveLength(0);
  });
});
