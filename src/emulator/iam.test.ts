// The emulator's IAM: password sign-in to project-scoped tokens, the projects a token may use,
// and CSMS accepting a token for its own project only.
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IAM, DEMO_PROJECTS } from './demo-seed.ts';
import { policy } from './iam-policy.ts';
import { requestToken, type TokenScope } from './testing/iam-tokens.ts';
import { expectValid } from './testing/openapi.ts';
import { startTestEmulator } from './testing/start-test-emulator.ts';

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  emulator = await startTestEmulator('demo');
});
afterAll(() => emulator.close());

const [operator, auditor] = DEMO_IAM.users as [(typeof DEMO_IAM.users)[number], (typeof DEMO_IAM.users)[number]];
const { production, staging } = DEMO_PROJECTS;

function signIn(user: string, password: string, project: { id: string } | { name: string }, domain = DEMO_IAM.domain) {
  return signInScoped(user, password, { project }, domain);
}
const signInScoped = (user: string, password: string, scope: TokenScope, domain = DEMO_IAM.domain) =>
  requestToken(emulator.url, { domain, name: user, password }, scope);
async function tokenOf(user: { name: string; password: string }, project: { id: string } | { name: string }) {
  const res = await signIn(user.name, user.password, project);
  expect(res.status).toBe(201);
  return res.headers.get('x-subject-token')!;
}
const csmsGet = (projectId: string, token: string, path = '/secrets/grafana-admin') =>
  fetch(`${emulator.url}/v1/${projectId}${path}`, { headers: { 'X-Auth-Token': token } });

describe('sign-in', () => {
  it('gives a project-scoped token in X-Subject-Token, valid for 24 hours', async () => {
    const res = await signIn(operator.name, operator.password, { name: production.name });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expectValid('IAM-KeystoneCreateUserTokenByPassword', 201, body);
    expect(res.headers.get('x-subject-token')).toMatch(/^MII[\w-]{60,}$/);
    expect(body.token.project).toMatchObject({ id: production.id, name: production.name, domain: { name: DEMO_IAM.domain } });
    expect(body.token.user.name).toBe('operator');
    expect(Date.parse(body.token.expires_at) - Date.parse(body.token.issued_at)).toBe(24 * 3600_000);
  });

  it('refuses a wrong password, user, domain or project with 401, and a bad body with 400', async () => {
    expect((await signIn(operator.name, 'wrong', { id: production.id })).status).toBe(401);
    expect((await signIn('nobody', operator.password, { id: production.id })).status).toBe(401);
    expect((await signIn(operator.name, operator.password, { id: production.id }, 'other-domain')).status).toBe(401);
    const denied = await signIn(auditor.name, auditor.password, { id: staging.id });
    expect(denied.status).toBe(401);
    expect(((await denied.json()) as any).error.message).toContain('no access');
    expect(denied.headers.get('x-subject-token')).toBeNull();
    const bad = await fetch(`${emulator.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"auth":{}}',
    });
    expect(bad.status).toBe(400);
  });
});

describe('account-scoped tokens and validation', () => {
  it('signs in to the account, lists its projects, and is refused by project APIs', async () => {
    const res = await signInScoped(operator.name, operator.password, { domain: { name: DEMO_IAM.domain } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expectValid('IAM-KeystoneCreateUserTokenByPassword', 201, body);
    expect(body.token.project).toBeUndefined();
    expect(body.token.domain.name).toBe(DEMO_IAM.domain);
    const token = res.headers.get('x-subject-token')!;
    const projects = (await (await fetch(`${emulator.url}/v3/auth/projects`, { headers: { 'X-Auth-Token': token } })).json()) as any;
    expect(projects.projects.map((p: { id: string }) => p.id)).toEqual([production.id, staging.id]);
    const csms = await csmsGet(production.id, token);
    expect(csms.status).toBe(403);
    expect(((await csms.json()) as any).error_msg).toContain('project-scoped');
    expect((await signInScoped(operator.name, operator.password, { domain: { name: 'other' } })).status).toBe(401);
  });

  it('validates a token: its project, user and expiry; 404 for an unknown one, 401 without a caller token', async () => {
    const token = await tokenOf(auditor, { id: production.id });
    const validate = (caller: string, subject: string) =>
      fetch(`${emulator.url}/v3/auth/tokens`, { headers: { 'X-Auth-Token': caller, 'X-Subject-Token': subject } });
    const res = await validate(token, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.token.project.id).toBe(production.id);
    expect(body.token.user.name).toBe('auditor');
    expect(body.token.user.domain.name).toBe(DEMO_IAM.domain);
    expect(Date.parse(body.token.expires_at)).toBeGreaterThan(Date.now());
    expect((await validate(token, 'MIIunknown')).status).toBe(404);
    expect((await validate('MIIunknown', token)).status).toBe(401);
  });
});

describe('tokens on CSMS', () => {
  it("are held to the user's policy: the auditor reads metadata but no value", async () => {
    const token = await tokenOf(auditor, { id: production.id });
    expect((await csmsGet(production.id, token)).status).toBe(200);
    expect((await csmsGet(production.id, token, '/secrets/grafana-admin/versions')).status).toBe(200);
    expect((await csmsGet(production.id, token, '/secrets/grafana-admin/stages/SYSCURRENT')).status).toBe(200);
    const value = await csmsGet(production.id, token, '/secrets/grafana-admin/versions/latest');
    expect(value.status).toBe(403);
    const body = (await value.json()) as any;
    expect(body.error_code).toBe('CSMS.0403');
    expect(body.error_msg).toContain('csms:secret:getVersion');
    const operatorToken = await tokenOf(operator, { id: production.id });
    expect((await csmsGet(production.id, operatorToken, '/secrets/grafana-admin/versions/latest')).status).toBe(200);
  });

  it('read their own project and get 403 on another', async () => {
    const token = await tokenOf(operator, { id: production.id });
    expect((await csmsGet(production.id, token)).status).toBe(200);
    const other = await csmsGet(staging.id, token, '/secrets/staging-redis');
    expect(other.status).toBe(403);
    expect(((await other.json()) as any).error_code).toBe('APIGW.0302');
    expect((await csmsGet(production.id, 'MIInot-a-token')).status).toBe(401);
  });

  it('list the projects the user may use', async () => {
    for (const [user, expected] of [
      [operator, [production.id, staging.id]],
      [auditor, [production.id]],
    ] as const) {
      const token = await tokenOf(user, { id: production.id });
      for (const path of ['/v3/auth/projects', '/v3/projects']) {
        const res = await fetch(`${emulator.url}${path}`, { headers: { 'X-Auth-Token': token } });
        const body = (await res.json()) as any;
        expectValid('IAM-KeystoneListAuthProjects', 200, body);
        expect(body.projects.map((p: { id: string }) => p.id)).toEqual(expected);
      }
    }
    expect((await fetch(`${emulator.url}/v3/auth/projects`)).status).toBe(401);
  });

  it('stop working once expired', async () => {
    const token = await tokenOf(auditor, { id: production.id });
    await emulator.admin.expireTokens();
    const res = await csmsGet(production.id, token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error_msg).toContain('expired');
    expect((await fetch(`${emulator.url}/v3/auth/projects`, { headers: { 'X-Auth-Token': token } })).status).toBe(401);
  });
});

describe('policies', () => {
  it('allow listed actions, with * matching within one segment only', () => {
    const reader = policy(['csms:secret:get*', 'csms:secret:list']);
    expect(['csms:secret:get', 'csms:secret:getVersion', 'csms:secret:getStage', 'csms:secret:list'].every(reader)).toBe(true);
    expect(['csms:secret:listVersion', 'csms:secret:create', 'kms:cmk:get'].some(reader)).toBe(false);
    expect(policy(['csms:*:*'])('csms:secret:deleteStage')).toBe(true);
    expect(policy(['csms:*'])('csms:secret:get')).toBe(false);
    expect(policy(undefined)('anything:at:all')).toBe(true);
  });
});

describe('what a sign-in gives away', () => {
  const secops = DEMO_IAM.users.find((u) => u.totp_secret)!;
  const totp = new TOTP({ secret: Secret.fromBase32(secops.totp_secret!) });
  const withMfa = (passcode: string, userId = secops.id!) =>
    fetch(`${emulator.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password', 'totp'],
            password: { user: { domain: { name: DEMO_IAM.domain }, name: secops.name, password: secops.password } },
            totp: { user: { id: userId, passcode } },
          },
          scope: { project: { id: production.id } },
        },
      }),
    });

  it('takes as long to refuse an unknown user as a wrong password (no existence oracle)', async () => {
    const median = async (attempt: (i: number) => Promise<Response>) => {
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const started = performance.now();
        expect((await attempt(i)).status).toBe(401);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    // Under the lockout's 5 failures per name, so every attempt is really checked.
    const unknown = await median((i) => signIn(`nobody-${i}`, 'wrong', { id: production.id }));
    const known = await median((i) => signIn(operator.name, `wrong-${i}`, { id: production.id }));
    expect((await signIn(operator.name, operator.password, { id: production.id })).status).toBe(201); // resets the count
    // Loose: without the dummy hash an unknown name is refused some 50 times faster.
    expect(unknown / known).toBeGreaterThan(0.25);
    expect(unknown).toBeGreaterThan(5); // a hash was computed
  });

  it('keeps serving while it hashes passwords (off the event loop)', async () => {
    const signIns = Array.from({ length: 4 }, (_, i) =>
      signIn(operator.name, `wrong-${i}`, { id: production.id }).then(() => performance.now()),
    );
    const started = performance.now();
    await fetch(`${emulator.url}/v3/projects`); // answered at once: 401, no hashing needed
    const answeredAt = performance.now();
    const doneAt = Math.max(...(await Promise.all(signIns)));
    expect(answeredAt).toBeLessThan(doneAt);
    expect(answeredAt - started).toBeLessThan((doneAt - started) / 2);
    expect((await signIn(operator.name, operator.password, { id: production.id })).status).toBe(201); // resets the count
  });

  it('locks a name after 5 failures in 15 minutes, the right password included; others sign in', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(auditor.name, `wrong-${i}`, { id: production.id })).status).toBe(401);
    const locked = await signIn(auditor.name, auditor.password, { id: production.id });
    expect(locked.status).toBe(401);
    expect(((await locked.json()) as any).error.message).toContain('locked');
    expect((await signIn(operator.name, operator.password, { id: production.id })).status).toBe(201);
  });

  it('signs an MFA user in with password and code only (IAM’s password-and-MFA method)', async () => {
    const passwordOnly = await signIn(secops.name, secops.password, { id: production.id });
    expect(passwordOnly.status).toBe(401);
    // Said as a wrong password is: a caller without the code must not learn the password was right.
    const wrongPassword = await signIn(secops.name, 'Not-the-password-1', { id: production.id });
    expect(((await passwordOnly.json()) as any).error.message).toBe(((await wrongPassword.json()) as any).error.message);
    expect((await withMfa(totp.generate(), '0'.repeat(32))).status).toBe(401);
    expect((await withMfa(String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0'))).status).toBe(401);
    const ok = await withMfa(totp.generate());
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as any;
    expectValid('IAM-KeystoneCreateUserTokenByPasswordAndMfa', 201, body);
    expect(body.token.methods).toEqual(['password', 'totp']);
  });

  it('finds a project by its exact name (how Huawei SDKs find a project id)', async () => {
    const token = await tokenOf(operator, { id: production.id });
    const named = async (name: string) =>
      ((await (await fetch(`${emulator.url}/v3/projects?name=${name}`, { headers: { 'X-Auth-Token': token } })).json()) as any).projects;
    expect((await named(production.name)).map((p: { id: string }) => p.id)).toEqual([production.id]);
    expect(await named('cn-north')).toEqual([]);
  });
});
