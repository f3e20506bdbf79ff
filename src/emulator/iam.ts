// A small IAM for the emulator: sign-in to a project- or account-scoped token with a password, or
// a password and a virtual MFA code (POST /v3/auth/tokens, token in X-Subject-Token, 24 h), token
// validation (GET /v3/auth/tokens), the projects a token may use (GET /v3/auth/projects,
// GET /v3/projects, `?name=` exact), and the check the CSMS routes make: a token is good for its
// own project, and for the actions its user's policy allows. Users come from the seed; tokens
// live in memory.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createUserDirectory, type Credentials, type User } from './iam-users.ts';
import type { IamSeed } from './seed-file.ts';

export const TOKEN_LIFETIME_MS = 24 * 3600_000;

interface IamProject {
  id: string;
  name: string;
}

interface Token {
  user: User;
  /** Absent for an account-scoped (domain) token, which no project API accepts. */
  project?: IamProject;
  methods: string[];
  issuedAt: number;
  expiresAt: number;
}

/** What a token presented to a CSMS route may do. */
export type TokenCheck =
  | { ok: true; projectId?: string; user: string; userId: string; allows: (action: string) => boolean }
  | { ok: false; reason: 'expired' | 'unknown' };

const nameOrId = z.union([z.object({ id: z.string().min(1) }), z.object({ name: z.string().min(1) })]);
const passwordUser = z.object({
  user: z.object({ domain: z.object({ name: z.string().min(1) }), name: z.string().min(1).max(64), password: z.string().min(1).max(128) }),
});
const tokenRequest = z.object({
  auth: z.object({
    identity: z.union([
      z.object({ methods: z.tuple([z.literal('password')]), password: passwordUser }),
      z.object({
        methods: z.tuple([z.literal('password'), z.literal('totp')]),
        password: passwordUser,
        totp: z.object({ user: z.object({ id: z.string().min(1).max(64), passcode: z.string().min(1).max(16) }) }),
      }),
    ]),
    scope: z.union([z.object({ project: nameOrId }), z.object({ domain: nameOrId })]),
  }),
});

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '000Z');
const REFUSALS = {
  wrong: 'The username or password is wrong.',
  locked: 'The user is locked after too many failed sign-ins. Try again in 15 minutes.',
  // The same words as a wrong password: a caller without the code must not learn the password was right.
  'mfa-required': 'The username or password is wrong.',
  'mfa-wrong': 'The username, password or MFA code is wrong.',
} as const;

export async function createIam(seed: IamSeed | undefined, projects: IamProject[], clock: () => number = Date.now) {
  const domain = { id: randomUUID().replaceAll('-', ''), name: seed?.domain ?? 'csms-emulator' };
  const directory = await createUserDirectory(seed?.users ?? [], clock);
  const tokens = new Map<string, Token>();
  const live = (value: unknown) => {
    const token = tokens.get(String(value ?? ''));
    return token && token.expiresAt > clock() ? token : undefined;
  };

  const tokenBody = (t: Token) => ({
    token: {
      methods: t.methods,
      issued_at: iso(t.issuedAt),
      expires_at: iso(t.expiresAt),
      catalog: [],
      roles: [{ id: '0', name: 'csms_reader' }],
      user: { domain, id: t.user.id, name: t.user.name, password_expires_at: '' },
      ...(t.project ? { project: { domain, id: t.project.id, name: t.project.name } } : { domain }),
    },
  });

  return {
    domain,
    check(value: string): TokenCheck {
      const token = tokens.get(value);
      if (!token) return { ok: false, reason: 'unknown' };
      if (token.expiresAt <= clock()) return { ok: false, reason: 'expired' };
      return { ok: true, projectId: token.project?.id, user: token.user.name, userId: token.user.id, allows: token.user.allows };
    },
    /** Test-only: every token issued so far expires now. */
    expireAll() {
      for (const token of tokens.values()) token.expiresAt = clock();
    },
    /** `isSigned` tells whether a request carries a valid AK/SK signature of this account. */
    register(app: FastifyInstance, isSigned: (req: FastifyRequest) => boolean) {
      const deny = (reply: FastifyReply, status: number, message: string) =>
        reply.code(status).send({ error: { code: status, message, title: TITLES[status] ?? 'Error' } });

      app.post('/v3/auth/tokens', async (req, reply) => {
        const parsed = tokenRequest.safeParse(req.body);
        if (!parsed.success)
          return deny(
            reply,
            400,
            'The request body is not a password (or password and MFA) authentication with a project or domain scope.',
          );
        const { identity, scope } = parsed.data.auth;
        const given = identity.password.user;
        const credentials: Credentials = {
          name: given.name,
          password: given.password,
          totp: 'totp' in identity ? { userId: identity.totp.user.id, passcode: identity.totp.user.passcode } : undefined,
        };
        const checked = await directory.check(credentials);
        if (!checked.ok || given.domain.name !== domain.name) return deny(reply, 401, REFUSALS[checked.ok ? 'wrong' : checked.reason]);
        const user = checked.user;
        let project: IamProject | undefined;
        if ('project' in scope) {
          const wanted = scope.project;
          project = projects.find((p) => ('id' in wanted ? p.id === wanted.id : p.name === wanted.name));
          if (!project || !user.projects.has(project.id)) return deny(reply, 401, 'The user has no access to the requested project.');
        } else if ('id' in scope.domain ? scope.domain.id !== domain.id : scope.domain.name !== domain.name)
          return deny(reply, 401, 'The user has no access to the requested domain.');
        const now = clock();
        const token = `MII${randomBytes(48).toString('base64url')}`;
        const issued: Token = { user, project, methods: identity.methods, issuedAt: now, expiresAt: now + TOKEN_LIFETIME_MS };
        tokens.set(token, issued);
        return reply.code(201).header('X-Subject-Token', token).send(tokenBody(issued));
      });

      // Keystone's token validation: X-Auth-Token says who asks, X-Subject-Token what is checked.
      app.get('/v3/auth/tokens', async (req, reply) => {
        if (!live(req.headers['x-auth-token'])) return deny(reply, 401, 'The request you have made requires authentication.');
        const subject = live(req.headers['x-subject-token']);
        if (!subject) return deny(reply, 404, 'The token is unknown or has expired.');
        return reply.header('X-Subject-Token', String(req.headers['x-subject-token'])).send(tokenBody(subject));
      });

      const listProjects = async (req: FastifyRequest<{ Querystring: { name?: unknown } }>, reply: FastifyReply) => {
        // A signed request is the account's own key pair: every project. A token: its user's.
        let visible: IamProject[];
        if (req.headers['x-auth-token'] === undefined && isSigned(req)) visible = projects;
        else {
          const token = live(req.headers['x-auth-token']);
          if (!token) return deny(reply, 401, 'No valid token or AK/SK signature.');
          visible = projects.filter((p) => token.user.projects.has(p.id));
        }
        // `?name=` is an exact match: Huawei's SDKs find a region's project id by its name.
        const { name } = req.query;
        if (typeof name === 'string') visible = visible.filter((p) => p.name === name);
        return {
          links: { self: `${req.url.split('?')[0]}` },
          projects: visible.map((p) => ({
            id: p.id,
            name: p.name,
            description: '',
            domain_id: domain.id,
            enabled: true,
            is_domain: false,
            parent_id: domain.id,
            links: { self: `/v3/projects/${p.id}` },
          })),
        };
      };
      app.get('/v3/auth/projects', listProjects);
      app.get('/v3/projects', listProjects);
    },
  };
}
export type Iam = Awaited<ReturnType<typeof createIam>>;
