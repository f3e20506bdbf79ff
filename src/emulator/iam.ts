// A small IAM for the emulator: password sign-in to a project-scoped token
// (POST /v3/auth/tokens, token in X-Subject-Token, 24 h), the projects a token may use
// (GET /v3/auth/projects, GET /v3/projects), and the check the CSMS routes make: a token is good
// for its own project only. Users come from the seed; tokens live in memory.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const TOKEN_LIFETIME_MS = 24 * 3600_000;

export interface IamUserSeed {
  name: string;
  password: string;
  /** Project ids this user may get tokens for. */
  projects: string[];
}
export interface IamSeed {
  domain: string;
  users: IamUserSeed[];
}
interface IamProject {
  id: string;
  name: string;
}

interface Token {
  user: { id: string; name: string };
  project: IamProject;
  issuedAt: number;
  expiresAt: number;
}

const passwordBody = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.literal('password')).length(1),
      password: z.object({
        user: z.object({ domain: z.object({ name: z.string().min(1) }), name: z.string().min(1), password: z.string().min(1) }),
      }),
    }),
    scope: z.object({ project: z.union([z.object({ id: z.string().min(1) }), z.object({ name: z.string().min(1) })]) }),
  }),
});

const hash = (password: string, salt: Buffer) => scryptSync(password, salt, 32);
const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized' };

export function createIam(seed: IamSeed | undefined, projects: IamProject[], clock: () => number = Date.now) {
  const domain = { id: randomUUID().replaceAll('-', ''), name: seed?.domain ?? 'csms-emulator' };
  const users = (seed?.users ?? []).map((u) => {
    const salt = randomBytes(16);
    return { id: randomUUID().replaceAll('-', ''), name: u.name, salt, hash: hash(u.password, salt), projects: new Set(u.projects) };
  });
  const tokens = new Map<string, Token>();
  const projectList = (ids: Set<string>) => projects.filter((p) => ids.has(p.id));

  return {
    domain,
    /** The token's project, or why it is refused. */
    check(token: string): { projectId: string; user: string } | 'expired' | 'unknown' {
      const found = tokens.get(token);
      if (!found) return 'unknown';
      if (found.expiresAt <= clock()) return 'expired';
      return { projectId: found.project.id, user: found.user.name };
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
        if (!parsed.success) return deny(reply, 400, 'The request body is not a password authentication with a project scope.');
        const { identity, scope } = parsed.data.auth;
        const given = identity.password.user;
        const user = users.find((u) => u.name === given.name);
        const passwordOk =
          user !== undefined && given.domain.name === domain.name && timingSafeEqual(hash(given.password, user.salt), user.hash);
        if (!user || !passwordOk) return deny(reply, 401, 'The username or password is wrong.');
        const project = projects.find((p) => ('id' in scope.project ? p.id === scope.project.id : p.name === scope.project.name));
        if (!project || !user.projects.has(project.id)) return deny(reply, 401, 'The user has no access to the requested project.');
        const now = clock();
        const token = `MII${randomBytes(48).toString('base64url')}`;
        tokens.set(token, { user: { id: user.id, name: user.name }, project, issuedAt: now, expiresAt: now + TOKEN_LIFETIME_MS });
        const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '000Z');
        return reply
          .code(201)
          .header('X-Subject-Token', token)
          .send({
            token: {
              methods: ['password'],
              issued_at: iso(now),
              expires_at: iso(now + TOKEN_LIFETIME_MS),
              catalog: [],
              roles: [{ id: '0', name: 'csms_reader' }],
              user: { domain, id: user.id, name: user.name, password_expires_at: '' },
              project: { domain, id: project.id, name: project.name },
            },
          });
      });

      const listProjects = async (req: FastifyRequest, reply: FastifyReply) => {
        // A signed request is the account's own key pair: every project. A token: its user's.
        let visible: IamProject[];
        if (req.headers['x-auth-token'] === undefined && isSigned(req)) visible = projects;
        else {
          const token = tokens.get(String(req.headers['x-auth-token'] ?? ''));
          if (!token || token.expiresAt <= clock()) return deny(reply, 401, 'No valid token or AK/SK signature.');
          visible = projectList(users.find((u) => u.id === token.user.id)!.projects);
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
