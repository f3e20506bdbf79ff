// The console server's calls to IAM: the projects a key pair or a token may use, a token from a
// user's password, and a pasted token's validation. A project's name starts with its region
// ("cn-north-4" or "cn-north-4_team"); only projects of the configured regions are kept.
import { request } from 'undici';
import { z } from 'zod';
import { PROJECT_ID_PATTERN } from '../../shared/patterns.ts';
import type { Project } from '../../shared/console-api.ts';

const projectsSchema = z.object({ projects: z.array(z.object({ id: z.string(), name: z.string() })) });
const tokenSchema = z.object({
  token: z.object({
    expires_at: z.string(),
    user: z.object({ name: z.string(), domain: z.object({ name: z.string() }) }),
    project: z.object({ id: z.string(), name: z.string() }).optional(),
  }),
});

/** IAM said no (wrong password, unknown or expired token) or answered something unusable. */
export class IamRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface IssuedToken {
  token: string;
  expiresAt: number;
  user: string;
  domain: string;
  project?: Project;
}

export interface PasswordCredentials {
  domain: string;
  name: string;
  password: string;
  mfa?: { user_id: string; passcode: string };
}

/** Which projects a list keeps: those of the given regions, or every project when regions is null. */
export type RegionFilter = string[] | null;

export function projectsIn(list: { id: string; name: string }[], regions: RegionFilter): Project[] {
  return list
    .map((p) => ({ id: p.id, name: p.name, region: p.name.split('_')[0]! }))
    .filter((p) => PROJECT_ID_PATTERN.test(p.id) && (regions === null || regions.includes(p.region)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The message of a Keystone error body `{"error": {"message"}}`, bounded; undefined if none. */
function iamMessage(text: string): string | undefined {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' ? message.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

export function createIamClient(endpoint: string, timeoutMs: number) {
  async function call(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown) {
    const res = await request(`${endpoint}${path}`, {
      method,
      headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json;charset=UTF-8' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await res.body.text();
    const subject = res.headers['x-subject-token'];
    return { status: res.statusCode, text, subject: typeof subject === 'string' ? subject : undefined };
  }

  function issued(text: string, token: string): IssuedToken {
    const parsed = tokenSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new IamRefusal(502, 'IAM answered with an unexpected token body.');
    const t = parsed.data.token;
    const expiresAt = Date.parse(t.expires_at);
    if (Number.isNaN(expiresAt)) throw new IamRefusal(502, 'IAM answered with a token without a valid expiry.');
    const project = t.project && { ...t.project, region: t.project.name.split('_')[0]! };
    return { token, expiresAt, user: t.user.name, domain: t.user.domain.name, project };
  }

  return {
    /** GET /v3/auth/projects (a token) or /v3/projects (a signature): the projects it may use. */
    async projects(path: '/v3/auth/projects' | '/v3/projects', headers: Record<string, string>, regions: RegionFilter) {
      const res = await call('GET', path, headers);
      if (res.status !== 200) throw new IamRefusal(res.status, `IAM answered HTTP ${res.status} to GET ${path}: ${res.text.slice(0, 200)}`);
      const parsed = projectsSchema.safeParse(JSON.parse(res.text));
      if (!parsed.success) throw new IamRefusal(502, `IAM answered GET ${path} with an unexpected body.`);
      return projectsIn(parsed.data.projects, regions);
    },

    /**
     * POST /v3/auth/tokens with the password method (and a virtual MFA code, IAM's
     * password-and-MFA method, when the user gives one), scoped to the account or to one project.
     */
    async passwordToken(
      user: PasswordCredentials,
      scope: { domain: { name: string } } | { project: { id: string } },
    ): Promise<IssuedToken> {
      const password = { user: { domain: { name: user.domain }, name: user.name, password: user.password } };
      const identity = user.mfa
        ? { methods: ['password', 'totp'], password, totp: { user: { id: user.mfa.user_id, passcode: user.mfa.passcode } } }
        : { methods: ['password'], password };
      const res = await call('POST', '/v3/auth/tokens', {}, { auth: { identity, scope } });
      if (res.status !== 201 || !res.subject)
        throw new IamRefusal(res.status, iamMessage(res.text) ?? `IAM refused the sign-in (HTTP ${res.status}).`);
      return issued(res.text, res.subject);
    },

    /** GET /v3/auth/tokens: what a token is (user, project, expiry), asked with the token itself. */
    async validate(token: string): Promise<IssuedToken> {
      const res = await call('GET', '/v3/auth/tokens', { 'X-Auth-Token': token, 'X-Subject-Token': token });
      if (res.status !== 200) throw new IamRefusal(res.status, `IAM refused the token (HTTP ${res.status}).`);
      return issued(res.text, token);
    },
  };
}
export type IamClient = ReturnType<typeof createIamClient>;
