// Per-user sign-in (CONSOLE_AUTH=iam). POST /api/session takes an IAM user's account, name and
// password (or a token the user already has), gets the user's tokens from IAM, keeps them in a
// server-side session and gives the browser only an HttpOnly cookie. The password is used for
// this one request and kept nowhere. DELETE /api/session signs out. Every attempt is audited;
// attempts are rate limited per client.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { signInBodySchema } from '../../csms/console-api.ts';
import { CONSOLE_PATHS } from '../../csms/console-paths.ts';
import { CONSOLE_ERRORS } from '../../csms/error-codes.ts';
import type { Audit, SessionEvent } from '../audit.ts';
import { sendError } from '../errors.ts';
import { IamRefusal, type IamClient, type IssuedToken, type PasswordCredentials, type RegionFilter } from './iam-client.ts';
import { clearSessionCookie, sessionCookie, setSessionCookie, type NewSession, type SessionStore } from './sessions.ts';

/** A user may belong to many projects; tokens are fetched for this many at most. */
const MAX_PROJECTS = 50;

interface SignInDeps {
  sessions: SessionStore;
  iam: IamClient;
  /** The regions this console serves; null: every region (the emulator). */
  regions: RegionFilter;
  audit: Audit;
  signInsPerMinute: number;
}

/** A sign-in that failed for a reason the user can act on. */
class SignInFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const who = (domain: string, user: string) => `iam:${domain}/${user}`;

/** Whom a sign-in request claims to be, for the audit, whether or not its body is valid. */
function claimedUser(body: unknown): string {
  const { domain, user } = (body ?? {}) as { domain?: unknown; user?: unknown };
  return typeof user === 'string' ? who(String(domain), user).slice(0, 200) : 'iam:token';
}

export function registerSignIn(app: FastifyInstance, deps: SignInDeps) {
  const served = deps.regions === null ? 'any region' : `the regions this console serves (${deps.regions.join(', ')})`;

  async function withPassword(credentials: PasswordCredentials): Promise<NewSession> {
    // One account-scoped token proves the password and lists the user's projects; then one
    // token per project (the MFA code, when given, serves each: they are asked within seconds),
    // since a CSMS call needs a token scoped to its project. The account token is dropped here.
    const account = await deps.iam.passwordToken(credentials, { domain: { name: credentials.domain } }).catch((error: unknown) => {
      if (error instanceof IamRefusal && error.status < 500)
        throw new SignInFailure(
          401,
          CONSOLE_ERRORS.unauthenticated,
          `IAM refused the sign-in: ${error.message} Check the account name, user name and password${credentials.mfa ? ' and the MFA code' : ', and give an MFA code if your user has a virtual MFA device'}.`,
        );
      throw error;
    });
    const projects = (await deps.iam.projects('/v3/auth/projects', { 'X-Auth-Token': account.token }, deps.regions)).slice(0, MAX_PROJECTS);
    const issued = await Promise.all(
      projects.map((p) =>
        deps.iam.passwordToken(credentials, { project: { id: p.id } }).catch((error: unknown) => {
          if (error instanceof IamRefusal && error.status < 500) return undefined; // no access after all
          throw error;
        }),
      ),
    );
    const usable = issued.filter((t): t is IssuedToken => t !== undefined && t.project !== undefined);
    if (usable.length === 0)
      throw new SignInFailure(
        403,
        CONSOLE_ERRORS.forbidden,
        `${account.user} has no project in ${served}. An administrator can grant access in IAM.`,
      );
    return {
      user: account.user,
      domain: account.domain,
      who: who(account.domain, account.user),
      projects: projects.filter((p) => usable.some((t) => t.project!.id === p.id)),
      tokens: new Map(usable.map((t) => [t.project!.id, t.token])),
      tokensExpireAt: Math.min(...usable.map((t) => t.expiresAt)),
    };
  }

  async function withToken(token: string) {
    const t = await deps.iam.validate(token).catch((error: unknown) => {
      if (error instanceof IamRefusal && error.status < 500)
        throw new SignInFailure(401, CONSOLE_ERRORS.unauthenticated, 'IAM does not accept this token: it is wrong or has expired.');
      throw error;
    });
    if (!t.project)
      throw new SignInFailure(
        400,
        CONSOLE_ERRORS.badRequest,
        'This token is scoped to the account; CSMS needs a token scoped to a project.',
      );
    if (deps.regions !== null && !deps.regions.includes(t.project.region))
      throw new SignInFailure(403, CONSOLE_ERRORS.forbidden, `The token's project ${t.project.name} is not in ${served}.`);
    return {
      user: t.user,
      domain: t.domain,
      who: who(t.domain, t.user),
      projects: [t.project],
      tokens: new Map([[t.project.id, token]]),
      tokensExpireAt: t.expiresAt,
    };
  }

  const auditSignIn = (req: FastifyRequest, event: Omit<SessionEvent, 'action' | 'clientIp'>) =>
    deps.audit({ action: 'sign-in', clientIp: req.ip, ...event });

  app.post(
    CONSOLE_PATHS.session,
    {
      bodyLimit: 32 * 1024,
      config: {
        rateLimit: {
          max: deps.signInsPerMinute,
          timeWindow: 60_000,
          // Checked once the body is read, so a refused attempt is audited with the name it tried.
          hook: 'preHandler',
          // Per address and claimed user: behind one proxy, a person's wrong passwords lock out
          // only that person.
          keyGenerator: (req: FastifyRequest) => `${req.ip} ${claimedUser(req.body)}`,
          onExceeded: (req: FastifyRequest) =>
            deps.audit({ action: 'sign-in', who: claimedUser(req.body), clientIp: req.ip, outcome: 'rate-limited' }),
        },
      },
    },
    async (req, reply) => {
      const parsed = signInBodySchema.safeParse(req.body);
      if (!parsed.success) {
        const detail = 'Give an account name, user name and password (and a 6-digit MFA code with your user id), or a token.';
        auditSignIn(req, { who: claimedUser(req.body), outcome: 'denied', detail: 'invalid sign-in body' });
        return sendError(reply, 400, CONSOLE_ERRORS.badRequest, detail);
      }
      const body = parsed.data;
      const claimed = claimedUser(body);
      try {
        const init =
          body.method === 'password'
            ? await withPassword({ domain: body.domain, name: body.user, password: body.password, mfa: body.mfa })
            : await withToken(body.token);
        await deps.sessions.end(sessionCookie(req)); // a sign-in replaces the session it was made from
        const { id, ended } = await deps.sessions.create(init);
        for (let i = 0; i < ended; i++) deps.audit({ action: 'end', who: init.who, clientIp: req.ip, outcome: 'too-many' });
        auditSignIn(req, { who: init.who, outcome: 'ok', method: body.method === 'password' && body.mfa ? 'password+mfa' : body.method });
        return setSessionCookie(reply, id).send({ user: init.user, domain: init.domain, projects: init.projects });
      } catch (error) {
        if (error instanceof SignInFailure) {
          auditSignIn(req, { who: claimed, outcome: 'denied', method: body.method, detail: error.message });
          return sendError(reply, error.status, error.code, error.message);
        }
        const detail = error instanceof IamRefusal ? error.message : 'IAM could not be reached.';
        req.log.warn({ detail }, 'sign-in failed');
        auditSignIn(req, { who: claimed, outcome: 'error', method: body.method, detail });
        return sendError(reply, 502, CONSOLE_ERRORS.badGateway, `Sign-in failed: ${detail}`);
      }
    },
  );

  app.delete(CONSOLE_PATHS.session, async (req, reply) => {
    const id = sessionCookie(req);
    const found = await deps.sessions.get(id);
    if ('session' in found) deps.audit({ action: 'sign-out', who: found.session.who, clientIp: req.ip, outcome: 'ok' });
    await deps.sessions.end(id);
    // Whatever this origin left in the browser goes too.
    clearSessionCookie(reply).header('Clear-Site-Data', '"cache", "cookies", "storage"');
    return reply.code(204).send();
  });
}
