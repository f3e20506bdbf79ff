// Per-user sign-in (CONSOLE_AUTH=iam) against the emulator's IAM: sessions, the cookie, the
// tokens each call carries, refusals, timeouts, sign-out, rate limiting and the audit.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IAM, DEMO_PROJECTS } from '../emulator/demo-seed.ts';
import { requestToken, type TokenScope } from '../emulator/testing/iam-tokens.ts';
import { startTestEmulator } from '../emulator/testing/start-test-emulator.ts';
import { listenProblem, serverConfigFromEnv } from './config.ts';
import { regionRouting, singleRouting } from './routing.ts';
import { startTestServer } from './testing/start-test-server.ts';

const { production, staging } = DEMO_PROJECTS;
const [operator, auditor] = DEMO_IAM.users as [(typeof DEMO_IAM.users)[number], (typeof DEMO_IAM.users)[number]];
const IAM = { mode: 'iam' as const, idleMs: 30 * 60_000, maxAgeMs: 12 * 3600_000, signInsPerMinute: 1000, sessionsPerUser: 5 };

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let now = Date.now();
// What reaches CSMS, recorded on the way to the emulator.
const upstreamHeaders: Record<string, string | string[] | undefined>[] = [];
const recorder = Fastify();

beforeAll(async () => {
  emulator = await startTestEmulator('demo');
  recorder.get('/*', async (req, reply) => {
    upstreamHeaders.push(req.headers);
    const forwarded = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection')) as Record<
      string,
      string
    >;
    const res = await fetch(`${emulator.url}${req.url}`, { headers: forwarded });
    return reply
      .code(res.status)
      .type('application/json')
      .send(await res.text());
  });
  await recorder.listen({ host: '127.0.0.1', port: 0 });
  server = await startTestServer(
    { endpoint: emulator.url, accessKey: 'unused', secretKey: 'unused' },
    {
      auth: IAM,
      routing: singleRouting(`http://127.0.0.1:${(recorder.server.address() as AddressInfo).port}`),
      clock: () => now,
    },
  );
});
afterAll(async () => {
  await server.close();
  await recorder.close();
  await emulator.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'x-console-request': '1', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const withPassword = (user: { name: string; password: string }, password = user.password) =>
  post({ method: 'password', domain: DEMO_IAM.domain, user: user.name, password });

async function signIn(user: { name: string; password: string }) {
  const res = await withPassword(user);
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const auditLines = () => server.auditLines();

describe('signing in with a password', () => {
  it('sets a __Host- cookie that scripts cannot read and other sites cannot send; no token reaches the browser', async () => {
    const res = await withPassword(operator);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    // A browser-session cookie: no Max-Age or Expires; the server ends the session by its own clocks.
    expect(cookie).toMatch(/^__Host-csms-session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      user: 'operator',
      domain: DEMO_IAM.domain,
      // By name: ap-southeast-1_staging, cn-north-4_production.
      projects: [
        { id: staging.id, name: staging.name, region: 'ap-southeast-1' },
        { id: production.id, name: production.name, region: 'cn-north-4' },
      ],
    });
    expect(text).not.toMatch(/MII/);
    expect([...res.headers.keys()].join()).not.toContain('subject');
    expect(auditLines().at(-1)).toMatchObject({
      event: 'session.sign-in',
      who: `iam:${DEMO_IAM.domain}/operator`,
      outcome: 'ok',
      method: 'password',
    });
  });

  it("reads with the user's own project token: X-Auth-Token, no signature; the audit names the user", async () => {
    const cookie = await signIn(operator);
    const config = (await (await server.get('/api/config', { cookie })).json()) as any;
    expect(config).toMatchObject({ auth: 'iam', user: { name: 'operator', domain: DEMO_IAM.domain }, default_project_id: staging.id });
    expect(config.projects).toHaveLength(2);
    for (const project of [production, staging]) {
      const list = await server.get(`/api/v1/${project.id}/secrets?limit=1`, { cookie });
      expect(list.status).toBe(200);
      const sent = upstreamHeaders.at(-1)!;
      // Exactly the token: no signature, nothing of the browser's request (cookie included).
      expect(Object.keys(sent).sort()).toEqual(['connection', 'host', 'x-auth-token']);
      expect(sent['x-auth-token']).toMatch(/^MII[\w-]+$/);
      expect(sent).not.toHaveProperty('authorization');
      expect(sent).not.toHaveProperty('x-sdk-date');
      expect(sent).not.toHaveProperty('cookie');
    }
    // Each project's calls carry that project's token.
    expect(upstreamHeaders.at(-1)!['x-auth-token']).not.toBe(upstreamHeaders.at(-2)!['x-auth-token']);
    const value = await server.get(`/api/v1/${production.id}/secrets/grafana-admin/versions/latest`, { cookie });
    expect(value.status).toBe(200);
    expect(auditLines().at(-1)).toMatchObject({ event: 'secret.value.read', who: `iam:${DEMO_IAM.domain}/operator`, outcome: 'ok' });
  });

  it('refuses a project the user has no token for before any call, and passes on the policy refusal of CSMS', async () => {
    const cookie = await signIn(auditor);
    const calls = upstreamHeaders.length;
    const other = await server.get(`/api/v1/${staging.id}/secrets`, { cookie });
    expect(other.status).toBe(403);
    expect(((await other.json()) as any).error_msg).toContain(`may not use project ${staging.id}`);
    expect(upstreamHeaders.length).toBe(calls);
    expect((await server.get(`/api/v1/${production.id}/secrets/grafana-admin`, { cookie })).status).toBe(200);
    const value = await server.get(`/api/v1/${production.id}/secrets/grafana-admin/versions/latest`, { cookie });
    expect(value.status).toBe(403);
    expect(await value.json()).toMatchObject({ error_code: 'CSMS.0403', error_msg: expect.stringContaining('csms:secret:getVersion') });
    expect(auditLines().at(-1)).toMatchObject({ who: `iam:${DEMO_IAM.domain}/auditor`, outcome: 'denied', status: 403 });
  });

  it('answers a wrong password, user or account with one message, audited, the password nowhere', async () => {
    const messages = new Set<string>();
    for (const res of [
      await withPassword(operator, 'Wrong#Password-123'),
      await withPassword({ name: 'nobody', password: operator.password }),
      await post({ method: 'password', domain: 'other', user: operator.name, password: operator.password }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      messages.add(((await res.json()) as any).error_msg);
    }
    expect([...messages]).toEqual([
      'IAM refused the sign-in. Check the account name, user name and password, and give an MFA code if your user has a virtual MFA device.',
    ]);
    expect(auditLines().at(-3)).toMatchObject({ event: 'session.sign-in', who: `iam:${DEMO_IAM.domain}/operator`, outcome: 'denied' });
    expect(readFileSync(server.auditLog, 'utf8')).not.toContain('Wrong#Password');
    expect(readFileSync(server.auditLog, 'utf8')).not.toContain(operator.password);
  });

  it('refuses a malformed sign-in before calling IAM', async () => {
    for (const body of [{}, { method: 'password', domain: 'a', user: 'b' }, { method: 'token', token: 'short' }, { method: 'magic' }]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as any).error_code).toBe('CONSOLE.0400');
    }
    const crossSite = await post({ method: 'token', token: 'x'.repeat(20) }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });
});

describe('signing in with a token', () => {
  const issue = async (user: { name: string; password: string }, scope: TokenScope) =>
    (await requestToken(emulator.url, { domain: DEMO_IAM.domain, ...user }, scope)).headers.get('x-subject-token')!;

  it("signs in to the token's project; an account-scoped or unknown token is refused", async () => {
    const token = await issue(operator, { project: { id: staging.id } });
    const res = await post({ method: 'token', token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).projects).toEqual([{ id: staging.id, name: staging.name, region: 'ap-southeast-1' }]);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await server.get(`/api/v1/${staging.id}/secrets?limit=1`, { cookie })).status).toBe(200);
    expect(upstreamHeaders.at(-1)!['x-auth-token']).toBe(token);
    expect(auditLines().at(-1)).toMatchObject({ event: 'session.sign-in', who: `iam:${DEMO_IAM.domain}/operator`, method: 'token' });

    const account = await post({ method: 'token', token: await issue(operator, { domain: { name: DEMO_IAM.domain } }) });
    expect(account.status).toBe(400);
    expect(((await account.json()) as any).error_msg).toContain('scoped to a project');
    const unknown = await post({ method: 'token', token: 'MIInot-a-token-at-all' });
    expect(unknown.status).toBe(401);
  });
});

describe('sessions', () => {
  it('every API call needs one; the app shell does not', async () => {
    for (const path of ['/api/config', `/api/v1/${production.id}/secrets`]) {
      const res = await server.get(path);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({ error_code: 'CONSOLE.0401', error_msg: 'Sign in to use the console.' });
    }
    const forged = '__Host-csms-session=forged-value-forged-value-forged-value-1234';
    expect((await server.get('/api/config', { cookie: forged })).status).toBe(401);
    expect((await fetch(`${server.url}/projects/${production.id}/secrets`)).status).not.toBe(401);
  });

  it('ends after the idle time, and at the absolute limit however active', async () => {
    const idle = await signIn(operator);
    now += IAM.idleMs - 1000;
    expect((await server.get('/api/config', { cookie: idle })).status).toBe(200); // activity restarts the idle clock
    now += IAM.idleMs - 1000;
    expect((await server.get('/api/config', { cookie: idle })).status).toBe(200);
    now += IAM.idleMs;
    const ended = await server.get('/api/config', { cookie: idle });
    expect(ended.status).toBe(401);
    expect(((await ended.json()) as any).error_msg).toContain('30 minutes without activity');
    expect(ended.headers.get('set-cookie')).toContain('Max-Age=0');
    expect(auditLines().at(-1)).toMatchObject({ event: 'session.end', outcome: 'idle', who: `iam:${DEMO_IAM.domain}/operator` });

    const active = await signIn(operator);
    for (let i = 0; i < 35; i++) {
      now += 20 * 60_000; // 11 h 40 min of activity
      expect((await server.get('/api/config', { cookie: active })).status).toBe(200);
    }
    now += 25 * 60_000;
    const over = await server.get('/api/config', { cookie: active });
    expect(over.status).toBe(401);
    expect(((await over.json()) as any).error_msg).toContain('time limit');
    now = Date.now();
  });

  it('sign-out ends the session and clears what the site left in the browser', async () => {
    const cookie = await signIn(auditor);
    const res = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { 'x-console-request': '1', cookie } });
    expect(res.status).toBe(204);
    expect(res.headers.get('clear-site-data')).toBe('"cache", "cookies", "storage"');
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-csms-session=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    expect(auditLines().at(-1)).toMatchObject({ event: 'session.sign-out', who: `iam:${DEMO_IAM.domain}/auditor` });
    expect((await server.get('/api/config', { cookie })).status).toBe(401);
  });

  it('ends when CSMS no longer accepts the token, and says to sign in again', async () => {
    const cookie = await signIn(operator);
    await emulator.admin.expireTokens();
    const res = await server.get(`/api/v1/${production.id}/secrets`, { cookie });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error_code: 'CONSOLE.0401', error_msg: expect.stringContaining('Sign in again') });
    expect(auditLines().at(-1)).toMatchObject({ event: 'session.end', outcome: 'token-refused', who: `iam:${DEMO_IAM.domain}/operator` });
    expect((await server.get('/api/config', { cookie })).status).toBe(401);
  });
});

describe('in the cloud', () => {
  it("keeps the user's projects of the configured regions, each read at its region's endpoint", async () => {
    const seen: { url: string; token: unknown }[] = [];
    const region = Fastify();
    region.get('/*', async (req) => {
      seen.push({ url: req.url, token: req.headers['x-auth-token'] });
      return { secrets: [], page_info: { previous_marker: null, next_marker: null, current_count: 0 } };
    });
    await region.listen({ host: '127.0.0.1', port: 0 });
    const endpoint = `http://127.0.0.1:${(region.server.address() as AddressInfo).port}`;
    const cloud = await startTestServer(
      { endpoint: emulator.url, accessKey: 'unused', secretKey: 'unused' }, // IAM: the emulator's
      { auth: IAM, mode: 'cloud', regions: [{ name: 'cn-north-4', endpoint }], routing: regionRouting([{ name: 'cn-north-4', endpoint }]) },
    );
    const res = await fetch(`${cloud.url}/api/session`, {
      method: 'POST',
      headers: { 'x-console-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: operator.name, password: operator.password }),
    });
    expect(((await res.json()) as any).projects).toEqual([{ id: production.id, name: production.name, region: 'cn-north-4' }]);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await cloud.get(`/api/v1/${production.id}/secrets`, { cookie })).status).toBe(200);
    expect(seen).toEqual([{ url: `/v1/${production.id}/secrets`, token: expect.stringMatching(/^MII/) }]);
    // ap-southeast-1 is not served here: the operator's staging project is not part of the session.
    expect((await cloud.get(`/api/v1/${staging.id}/secrets`, { cookie })).status).toBe(403);
    expect(seen).toHaveLength(1);
    await cloud.close();
    await region.close();
  });
});

describe('limits and configuration', () => {
  it('rate-limits sign-in attempts per client and audits the refused ones', async () => {
    const limited = await startTestServer(
      { endpoint: emulator.url, accessKey: 'unused', secretKey: 'unused' },
      { auth: { ...IAM, signInsPerMinute: 3 } },
    );
    const attempt = () =>
      fetch(`${limited.url}/api/session`, {
        method: 'POST',
        headers: { 'x-console-request': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: 'operator', password: 'guess' }),
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const refused = await attempt();
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.auditLines().at(-1)).toMatchObject({
      event: 'session.sign-in',
      who: `iam:${DEMO_IAM.domain}/operator`,
      outcome: 'rate-limited',
    });
    // Counted per address and claimed user: behind one proxy, someone else still signs in.
    const other = await fetch(`${limited.url}/api/session`, {
      method: 'POST',
      headers: { 'x-console-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: auditor.name, password: auditor.password }),
    });
    expect(other.status).toBe(200);
    await limited.close();
  });

  it('keeps at most CONSOLE_SESSIONS_PER_USER sessions a user: the oldest ends, audited', async () => {
    const capped = await startTestServer(
      { endpoint: emulator.url, accessKey: 'unused', secretKey: 'unused' },
      { auth: { ...IAM, sessionsPerUser: 2 } },
    );
    const signInThere = async () => {
      const res = await fetch(`${capped.url}/api/session`, {
        method: 'POST',
        headers: { 'x-console-request': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: auditor.name, password: auditor.password }),
      });
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const cookies = [await signInThere(), await signInThere(), await signInThere()];
    const statuses = await Promise.all(cookies.map(async (cookie) => (await capped.get('/api/config', { cookie })).status));
    expect(statuses).toEqual([401, 200, 200]);
    expect(capped.auditLines().filter((l) => l.event === 'session.end')).toEqual([
      expect.objectContaining({ who: `iam:${DEMO_IAM.domain}/auditor`, outcome: 'too-many' }),
    ]);
    await capped.close();
  });

  it('says when IAM cannot be reached, and audits the failed attempt', async () => {
    const nowhere = await startTestServer({ endpoint: 'http://127.0.0.1:9', accessKey: 'unused', secretKey: 'unused' }, { auth: IAM });
    const res = await fetch(`${nowhere.url}/api/session`, {
      method: 'POST',
      headers: { 'x-console-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', domain: DEMO_IAM.domain, user: 'operator', password: operator.password }),
    });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error_code: 'CONSOLE.0502', error_msg: 'Sign-in failed: IAM could not be reached.' });
    const line = nowhere.auditLines().at(-1);
    expect(line).toMatchObject({ event: 'session.sign-in', who: `iam:${DEMO_IAM.domain}/operator`, outcome: 'error' });
    expect(JSON.stringify(line)).not.toContain(operator.password);
    await nowhere.close();
  });

  it('CONSOLE_AUTH=iam needs no key pair, refuses one, and may listen beyond loopback', () => {
    const env = { CSMS_REGIONS: 'cn-north-4', CONSOLE_AUTH: 'iam', HOST: '0.0.0.0' };
    const config = serverConfigFromEnv(env);
    expect(config).toMatchObject({
      mode: 'cloud',
      auth: { mode: 'iam', idleMs: 30 * 60_000, maxAgeMs: 12 * 3600_000, signInsPerMinute: 5 },
    });
    expect(listenProblem(config)).toBeNull();
    expect(() => serverConfigFromEnv({ ...env, HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'SK' })).toThrow(/leave HUAWEICLOUD_SDK_AK/);
    expect(serverConfigFromEnv({ ...env, CONSOLE_SESSION_IDLE_MINUTES: '5', CONSOLE_SESSION_MAX_HOURS: '2' }).auth).toMatchObject({
      idleMs: 5 * 60_000,
      maxAgeMs: 2 * 3600_000,
    });
  });
});

describe('users whose API sign-in needs a virtual MFA device', () => {
  const secops = DEMO_IAM.users.find((u) => u.totp_secret)!;
  const code = () => new TOTP({ secret: Secret.fromBase32(secops.totp_secret!) }).generate();

  it('sign in with password and code; a right password without the code is told apart from a wrong one by no one', async () => {
    const without = await post({ method: 'password', domain: DEMO_IAM.domain, user: secops.name, password: secops.password });
    const wrong = await post({ method: 'password', domain: DEMO_IAM.domain, user: secops.name, password: 'Not-the-password-1' });
    expect([without.status, wrong.status]).toEqual([401, 401]);
    const [saidWithout, saidWrong] = [((await without.json()) as any).error_msg, ((await wrong.json()) as any).error_msg];
    expect(saidWithout).toMatch(/MFA code/);
    expect(saidWithout).toBe(saidWrong);
    // Straight from the emulator's IAM too: one answer for both.
    const iamSays = async (password: string) => {
      const res = await fetch(`${emulator.url}/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          auth: {
            identity: { methods: ['password'], password: { user: { name: secops.name, password, domain: { name: DEMO_IAM.domain } } } },
            scope: { domain: { name: DEMO_IAM.domain } },
          },
        }),
      });
      return [res.status, await res.text()];
    };
    expect(await iamSays(secops.password)).toEqual(await iamSays('Not-the-password-1'));
    const passcode = code();
    const res = await post({
      method: 'password',
      domain: DEMO_IAM.domain,
      user: secops.name,
      password: secops.password,
      mfa: { user_id: secops.id, passcode },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).projects).toHaveLength(2);
    expect(auditLines().at(-1)).toMatchObject({ event: 'session.sign-in', who: `iam:${DEMO_IAM.domain}/secops`, method: 'password+mfa' });
    expect(readFileSync(server.auditLog, 'utf8')).not.toMatch(new RegExp(`passcode|"${passcode}"|${secops.password}`));
  });
});
