// Real accounts with server credentials: configuration, signing (temporary credentials too),
// project discovery through IAM (against the emulator's), and routing each project to its region.
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config.ts';
import { DEMO_PROJECTS } from '../emulator/demo-seed.ts';
import { verifySignature } from '../emulator/signature.ts';
import { startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { listenProblem, serverConfigFromEnv } from './config.ts';
import { discoverProjects } from './projects.ts';
import { regionRouting } from './routing.ts';
import { anyReadAnswer, fakeSecret } from './testing/fake-answers.ts';
import { startTestServer } from './testing/start-test-server.ts';
import { signedHeaders } from '../shared/signer.ts';

const KEYS = { HUAWEICLOUD_SDK_AK: 'AKEXAMPLE', HUAWEICLOUD_SDK_SK: 'SKEXAMPLE' };
const PID = '0123456789abcdef0123456789abcdef';

describe('configuration', () => {
  it('maps CSMS_REGIONS to endpoints, each overridable', () => {
    const config = serverConfigFromEnv({
      ...KEYS,
      CSMS_REGIONS: 'cn-north-4, ap-southeast-1',
      CSMS_ENDPOINT_AP_SOUTHEAST_1: 'http://127.0.0.1:9999/',
      CSMS_CTS_ENDPOINT_AP_SOUTHEAST_1: 'http://127.0.0.1:9998/',
    });
    expect(config.mode).toBe('cloud');
    expect(config.regions).toEqual([
      { name: 'cn-north-4', endpoint: 'https://kms.cn-north-4.myhuaweicloud.com', ctsEndpoint: 'https://cts.cn-north-4.myhuaweicloud.com' },
      { name: 'ap-southeast-1', endpoint: 'http://127.0.0.1:9999', ctsEndpoint: 'http://127.0.0.1:9998' },
    ]);
    expect(config.projects).toEqual([]); // to be discovered
    expect(config.iamEndpoint).toBe('https://iam.myhuaweicloud.com');
  });

  it('takes one CTS endpoint for one region only', () => {
    const one = serverConfigFromEnv({
      ...KEYS,
      CSMS_ENDPOINT: 'https://kms.cn-north-4.myhuaweicloud.com',
      CSMS_CTS_ENDPOINT: 'http://127.0.0.1:9998',
    });
    expect(one.regions[0]!.ctsEndpoint).toBe('http://127.0.0.1:9998');
    expect(() =>
      serverConfigFromEnv({ ...KEYS, CSMS_REGIONS: 'cn-north-4,cn-east-3', CSMS_CTS_ENDPOINT: 'http://127.0.0.1:9998' }),
    ).toThrow(/CSMS_CTS_ENDPOINT_<REGION>/);
  });

  it('takes one endpoint, its region and explicit projects; and temporary credentials', () => {
    const config = serverConfigFromEnv({
      ...KEYS,
      CSMS_ENDPOINT: 'https://kms.cn-north-4.myhuaweicloud.com',
      HUAWEICLOUD_SDK_PROJECT_ID: PID,
      HUAWEICLOUD_SDK_SECURITY_TOKEN: 'temp-token',
    });
    expect(config.projects).toEqual([{ id: PID, name: PID, region: 'cn-north-4' }]);
    expect(config.credentials).toEqual({ accessKey: 'AKEXAMPLE', secretKey: 'SKEXAMPLE', securityToken: 'temp-token' });
    expect(serverConfigFromEnv({}).mode).toBe('emulator');
  });

  it('explains what is wrong', () => {
    expect(() => serverConfigFromEnv({ CSMS_REGIONS: 'cn-north-4' })).toThrow(/HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are required/);
    expect(() => serverConfigFromEnv({ ...KEYS, CSMS_REGIONS: 'north' })).toThrow(/not a region name/);
    expect(() => serverConfigFromEnv({ ...KEYS, CSMS_REGIONS: 'cn-north-4,cn-east-3', HUAWEICLOUD_SDK_PROJECT_ID: PID })).toThrow(
      /discovered through IAM/,
    );
    expect(() => serverConfigFromEnv({ ...KEYS, CSMS_REGIONS: 'cn-north-4', HUAWEICLOUD_SDK_PROJECT_ID: 'nope' })).toThrow(
      /not a project id/,
    );
    expect(() => serverConfigFromEnv({ ...KEYS, CSMS_ENDPOINT: 'https://csms.internal.example' })).toThrow(/CSMS_REGION is required/);
    expect(() => serverConfigFromEnv({ ...KEYS, CSMS_REGIONS: 'cn-north-4', CSMS_ENDPOINT_CN_NORTH_4: 'ftp://x' })).toThrow(/not an http/);
  });
});

describe('where it may listen', () => {
  it('with server credentials, on loopback only', () => {
    const cloud = (HOST: string) => listenProblem(serverConfigFromEnv({ ...KEYS, CSMS_REGIONS: 'cn-north-4', HOST }));
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(cloud(host), host).toBeNull();
    for (const host of ['0.0.0.0', '::', '10.1.2.3', 'console.example.com']) expect(cloud(host), host).toMatch(/loopback only/);
    expect(listenProblem(serverConfigFromEnv({ HOST: '0.0.0.0' }))).toBeNull(); // the emulator's demo data
  });

  it('refuses to start otherwise, saying why', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, ...KEYS, CSMS_REGIONS: 'cn-north-4', HOST: '0.0.0.0', PORT: '0' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Cannot start: HOST=0.0.0.0');
  });
});

describe('signing', () => {
  it('signs every header it sends, X-Security-Token included, verifiably', () => {
    const url = new URL(`https://kms.cn-north-4.myhuaweicloud.com/v1/${PID}/secrets?limit=10`);
    const headers = signedHeaders(
      { accessKey: 'AKEXAMPLE', secretKey: 'SKEXAMPLE', securityToken: 'temp-token' },
      { method: 'GET', url, headers: { 'X-Project-Id': PID } },
    );
    expect(headers['X-Security-Token']).toBe('temp-token');
    expect(headers['X-Project-Id']).toBe(PID);
    expect(headers.Authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/,
    );
    const received = Object.fromEntries(Object.entries({ ...headers, host: url.host }).map(([k, v]) => [k.toLowerCase(), v]));
    const check = (secret: string) =>
      verifySignature({ method: 'GET', url: `${url.pathname}${url.search}`, headers: received, body: '' }, () => secret);
    expect(check('SKEXAMPLE').ok).toBe(true);
    expect(check('other').ok).toBe(false);
    expect(
      verifySignature(
        { method: 'GET', url: `${url.pathname}${url.search}`, headers: { ...received, 'x-security-token': 'swapped' }, body: '' },
        () => 'SKEXAMPLE',
      ).ok,
    ).toBe(false);
  });
});

describe('project discovery through IAM', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  beforeAll(async () => {
    emulator = await startTestEmulator('demo');
  });
  afterAll(() => emulator.close());
  const creds = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };

  it("lists the account's projects of the configured regions", async () => {
    const both = await discoverProjects(emulator.url, creds, ['cn-north-4', 'ap-southeast-1'], 2000);
    expect(both).toEqual([
      { id: DEMO_PROJECTS.staging.id, name: DEMO_PROJECTS.staging.name, region: 'ap-southeast-1' },
      { id: DEMO_PROJECTS.regionDefault.id, name: 'cn-north-4', region: 'cn-north-4' },
      { id: DEMO_PROJECTS.production.id, name: DEMO_PROJECTS.production.name, region: 'cn-north-4' },
    ]);
    expect(await discoverProjects(emulator.url, creds, ['cn-north-4'], 2000)).toEqual([
      expect.objectContaining({ id: DEMO_PROJECTS.regionDefault.id }),
      expect.objectContaining({ id: DEMO_PROJECTS.production.id }),
    ]);
  });

  it('fails with IAM’s answer when the keys are wrong', async () => {
    await expect(discoverProjects(emulator.url, { ...creds, secretKey: 'wrong' }, ['cn-north-4'], 2000)).rejects.toThrow(/HTTP 401/);
  });
});

describe('routing each project to its region', () => {
  const seen: Record<'a' | 'b', { url: string; token?: string }[]> = { a: [], b: [] };
  const upstreams = ['a', 'b'].map((name) => {
    const app = Fastify();
    app.get('/*', async (req) => {
      seen[name as 'a' | 'b'].push({ url: req.url, token: req.headers['x-security-token'] as string | undefined });
      return { secret: fakeSecret(`from-${name}`) };
    });
    return app;
  });
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const other = 'fedcba9876543210fedcba9876543210';
  beforeAll(async () => {
    const urls = [];
    for (const app of upstreams) {
      await app.listen({ host: '127.0.0.1', port: 0 });
      urls.push(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    }
    const config = serverConfigFromEnv({
      ...KEYS,
      HUAWEICLOUD_SDK_SECURITY_TOKEN: 'temp',
      CSMS_REGIONS: 'cn-north-4,ap-southeast-1',
      CSMS_ENDPOINT_CN_NORTH_4: urls[0],
      CSMS_ENDPOINT_AP_SOUTHEAST_1: urls[1],
    });
    config.projects = [
      { id: PID, name: 'cn-north-4', region: 'cn-north-4' },
      { id: other, name: 'ap-southeast-1_team', region: 'ap-southeast-1' },
    ];
    server = await startTestServer(
      { endpoint: urls[0]!, ...config.credentials! },
      { routing: regionRouting(config.regions), projects: config.projects },
    );
  });
  afterAll(async () => {
    await server.close();
    for (const app of upstreams) await app.close();
  });

  it("sends each project's calls to its region's endpoint, with the temporary token", async () => {
    expect(((await (await server.get(`/api/v1/${PID}/secrets/x`)).json()) as any).secret.name).toBe('from-a');
    expect(((await (await server.get(`/api/v1/${other}/secrets/x`)).json()) as any).secret.name).toBe('from-b');
    expect(seen.a).toEqual([{ url: `/v1/${PID}/secrets/x`, token: 'temp' }]);
    expect(seen.b).toEqual([{ url: `/v1/${other}/secrets/x`, token: 'temp' }]);
  });

  it('refuses a project it does not serve, before any upstream call', async () => {
    const res = await server.get('/api/v1/11111111111111111111111111111111/secrets');
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error_msg).toContain('not configured');
    expect(seen.a.length + seen.b.length).toBe(2);
  });
});

describe('behind an authenticating reverse proxy (CONSOLE_AUTH=header)', () => {
  const upstream = Fastify();
  upstream.get('/*', async () => anyReadAnswer());
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    await upstream.listen({ host: '127.0.0.1', port: 0 });
    const endpoint = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;
    server = await startTestServer(
      { endpoint, accessKey: 'AK', secretKey: 'SK' },
      { auth: { mode: 'header', header: 'x-auth-request-user' }, trustedProxies: ['127.0.0.1'] },
    );
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  it('needs the header on every request, names the user in the audit', async () => {
    for (const path of ['/', '/api/config', `/api/v1/${PID}/secrets/x/versions/v1`]) {
      const res = await fetch(`${server.url}${path}`, { headers: { 'x-console-request': '1' } });
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as any).error_code).toBe('CONSOLE.0401');
    }
    const res = await server.get(`/api/v1/${PID}/secrets/x/versions/v1`, { 'x-auth-request-user': 'alice@example.com' });
    expect(res.status).toBe(200);
    expect(server.auditLines().at(-1)).toMatchObject({ event: 'secret.value.read', who: 'user:alice@example.com', outcome: 'ok' });
  });

  it('is required to listen beyond loopback with real credentials', () => {
    const env = { ...KEYS, CSMS_REGIONS: 'cn-north-4', HOST: '0.0.0.0' };
    const header = { CONSOLE_AUTH: 'header', CONSOLE_AUTH_HEADER: 'X-Auth-Request-User', CONSOLE_TRUSTED_PROXIES: '10.0.0.2' };
    expect(listenProblem(serverConfigFromEnv({ ...env, ...header }))).toBeNull();
    expect(() => serverConfigFromEnv({ ...env, CONSOLE_AUTH: 'header' })).toThrow(/needs CONSOLE_AUTH_HEADER/);
  });
});
