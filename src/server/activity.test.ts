// The Activity section's source: CTS through the console's checked, signed, GET-only proxy, at
// the project's region's CTS endpoint; CSMS traces only; nothing of a recorded request or answer
// reaches the browser but the stage change it made.
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { randomProjectId, startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { regionRouting } from './routing.ts';
import { startTestServer } from './testing/start-test-server.ts';

const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const CANARY = 'ACTIVITYCANARY';
const csmsTraces = 'trace_type=system&service_type=CSMS';

describe('CTS through the console', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const pid = randomProjectId();
  beforeAll(async () => {
    emulator = await startTestEmulator();
    const csms = emulator.clientFor(pid);
    await csms.createSecret({ name: 'db', secret_string: `${CANARY}-1` });
    await csms.createVersion('db', { secret_string: `${CANARY}-2` });
    await csms.updateStage('db', 'SYSCURRENT', 'v1');
    server = await startTestServer({ endpoint: emulator.url, ...creds });
  });
  afterAll(async () => {
    await server.close();
    await emulator.close();
  });

  it("lists a secret's traces with the stage changes they made, and no recorded answer", async () => {
    const res = await server.get(`/api/v3/${pid}/traces?${csmsTraces}&resource_name=db&limit=50`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('"response"');
    const { traces } = JSON.parse(text) as { traces: { trace_name: string; change?: unknown }[] };
    expect(traces.map((t) => [t.trace_name, t.change])).toEqual([
      ['UpdateSecretStage', { kind: 'set', version_id: 'v1', stages: ['SYSCURRENT'] }],
      ['CreateSecretVersion', { kind: 'new-version', version_id: 'v2', stages: ['SYSCURRENT'] }],
      ['CreateSecret', { kind: 'created', version_id: 'v1' }],
    ]);
  });

  it('asks for CSMS traces only, with the query CTS defines', async () => {
    for (const query of [
      'trace_type=system',
      `${csmsTraces.replace('CSMS', 'ECS')}`,
      `${csmsTraces}&limit=500`,
      `${csmsTraces}&tracker_name=x`,
    ])
      expect((await server.get(`/api/v3/${pid}/traces?${query}`)).status).toBe(400);
    expect((await server.get(`/api/v3/${pid}/traces?${csmsTraces}`, {})).status).toBe(200);
    const post = await fetch(`${server.url}/api/v3/${pid}/traces?${csmsTraces}`, { method: 'POST', headers: { 'x-console-request': '1' } });
    expect(post.status).toBe(405);
  });
});

describe('CTS in the cloud', () => {
  const seen: { host: string; url: string }[] = [];
  const cts = Fastify();
  const kms = Fastify();
  cts.get('/*', async (req) => {
    seen.push({ host: 'cts', url: req.url });
    return {
      traces: [
        {
          trace_id: 'e001ccb9-bc09-11e6-b00b-4b2a61338db6',
          trace_name: 'CreateSecretVersion',
          time: 1_795_000_000_000,
          code: 200,
          // What a real CTS may keep of a call: the request with the value in it.
          request: JSON.stringify({ secret_string: CANARY }),
          response: { version_metadata: { id: 'v7', version_stages: ['SYSCURRENT'], secret_name: 'db' } },
          user: { name: 'li.wei', domain: { name: 'acme' } },
        },
      ],
      meta_data: { count: 1, marker: null },
    };
  });
  kms.get('/*', async (req) => {
    seen.push({ host: 'kms', url: req.url });
    return {};
  });
  const pid = '0123456789abcdef0123456789abcdef';
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    await cts.listen({ host: '127.0.0.1', port: 0 });
    await kms.listen({ host: '127.0.0.1', port: 0 });
    const at = (app: typeof cts) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const regions = [{ name: 'cn-north-4', endpoint: at(kms), ctsEndpoint: at(cts) }];
    server = await startTestServer(
      { endpoint: at(kms), ...creds },
      { mode: 'cloud', regions, routing: regionRouting(regions), projects: [{ id: pid, name: 'cn-north-4', region: 'cn-north-4' }] },
    );
  });
  afterAll(async () => {
    await server.close();
    await cts.close();
    await kms.close();
  });

  it("goes to the region's CTS endpoint, and keeps nothing of a recorded request", async () => {
    const res = await server.get(`/api/v3/${pid}/traces?${csmsTraces}&resource_name=db`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(CANARY);
    expect(JSON.parse(text)).toMatchObject({
      traces: [
        { trace_name: 'CreateSecretVersion', code: '200', change: { kind: 'new-version', version_id: 'v7', stages: ['SYSCURRENT'] } },
      ],
    });
    expect(seen).toEqual([{ host: 'cts', url: `/v3/${pid}/traces?${csmsTraces}&resource_name=db` }]);
  });
});
