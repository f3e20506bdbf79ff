// A small IAM for the emulator: password sign-in to a project- or account-scoped token
// (POST /v3/auth/tokens, token in X-Subject-Token, 24 h), token validation (GET /v3/auth/tokens),
// the projects a token may use (GET /v3/auth/projects, GET /v3/projects), and the check the CSMS
// routes make: a token is good for its own project, and for the actions its user's policy allows.
// Users come from the seed; tokens live in memory.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const TOKEN_LIFETIME_MS = 24 * 3600_000;

export interface IamUserSeed {
  name: string;
  password: string;
  /** Project ids this user may get tokens for. */
  projects: string[];
  /** CSMS actions the user's policy allows, `*` matching within a segment; all when absent. */
  actions?: string[];
}
export interface IamSeed {
  domain: string;
  users: IamUserSeed[];
}
interface IamProject {
  id: string;
  name: string;
}

interface User {
  id: string;
  name: string;
  salt: Buffer;
  hash: Buffer;
  projects: Set<string>;
  allows: (action: string) => boolean;
}

interface Token {
  user: User;
  /** Absent for an account-scoped (domain) token, which no project API accepts. */
  project?: IamProject;
  issuedAt: number;
  expiresAt: number;
}

/** What a token presented to a CSMS route may do. */
export type TokenCheck =
  { ok: true; projectId?: string; user: string; allows: (action: string) => boolean } | { ok: false; reason: 'expired' | 'unknown' };

const nameOrId = z.union([z.object({ id: z.string().min(1) }), z.object({ name: z.string().min(1) })]);
const passwordBody = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.literal('password')).length(1),
      password: z.object({
        user: z.object({ domain: z.object({ name: z.string().min(1) }), name: z.string().min(1), password: z.string().min(1) }),
      }),
    }),
    scope: z.union([z.object({ project: nameOrId }), z.object({ domain: nameOrId })]),
  }),
});

const hash = (password: string, salt: Buffer) => scryptSync(password, salt, 32);
const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '000Z');

/** `csms:secret:*` allows `csms:secret:list`; `*` never crosses a colon. */
export function policy(actions: string[] | undefined): (action: string) => boolean {
  if (!actions) return () => true;
  const patterns = actions.map((a) => new RegExp(`^${a.split('*').map(escapeRegExp).join('[^:]*')}$`));
  return (action) => patterns.some((p) => p.test(action));
}
const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

export function createIam(seed: IamSeed | undefined, projects: IamProject[], clock: () => number = Date.now) {
  const domain = { id: randomUUID().replaceAll('-', ''), name: seed?.domain ?? 'csms-emulator' };
  const users: User[] = (seed?.users ?? []).map((u) => {
    const salt = randomBytes(16);
    return {
      id: randomUUID().replaceAll('-', ''),
      name: u.name,
      salt,
      hash: hash(u.password, salt),
      projects: new Set(u.projects),
      allows: policy(u.actions),
    };
  });
  const tokens = new Map<string, Token>();
  const live = (value: unknown) => {
    const token = tokens.get(String(value ?? ''));
    return token && token.expiresAt > clock() ? token : undefined;
  };

  const tokenBody = (t: Token) => ({
    token: {
      methods: ['password'],
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
      return { ok: true, projectId: token.project?.id, user: token.user.name, allows: token.user.allows };
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
        const parsed = passwordBody.safeParse(req.body);
        if (!parsed.success) return deny(reply, 400, 'The request body is not a password authentication with a project or domain scope.');
        const { identity, scope } = parsed.data.auth;
        const given = identity.password.user;
        const user = users.find((u) => u.name === given.name);
        const passwordOk =
          user !== undefined && given.domain.name === domain.name && timingSafeEqual(hash(given.password, user.salt), user.hash);
        if (!user || !passwordOk) return deny(reply, 401, 'The username or password is wrong.');
        let project: IamProject | undefined;
        if ('project' in scope) {
          const wanted = scope.project;
          project = projects.find((p) => ('id' in wanted ? p.id === wanted.id : p.name === wanted.name));
          if (!project || !user.projects.has(project.id)) return deny(reply, 401, 'The user has no access to the requested project.');
        } else if ('id' in scope.domain ? scope.domain.id !== domain.id : scope.domain.name !== domain.name)
          return deny(reply, 401, 'The user has no access to the requested domain.');
        const now = clock();
        const token = `MII${randomBytes(48).toString('base64url')}`;
        const issued: Token = { user, project, issuedAt: now, expiresAt: now + TOKEN_LIFETIME_MS };
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

      const listProjects = async (req: FastifyRequest, reply: FastifyReply) => {
        // A signed request is the account's own key pair: every project. A token: its user's.
        let visible: IamProject[];
        if (req.headers['x-auth-token'] === undefined && isSigned(req)) visible = projects;
        else {
          const token = live(req.headers['x-auth-token']);
          if (!token) return deny(reply, 401, 'No valid token or AK/SK signature.');
          visible = projects.filter((p) => token.user.projects.has(p.id));
        }
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
export type Iam = ReturnType<typeof createIam>;
