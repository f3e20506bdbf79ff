// Per-user sign-in (CONSOLE_AUTH=iam). POST /api/session takes an IAM user's account, name and
// password (or a token the user already has), gets the user's tokens from IAM, keeps them in a
// server-side session and gives the browser only an HttpOnly cookie. The password is used for
// this one request and kept nowhere. DELETE /api/session signs out. Every attempt is audited;
// attempts are rate limited per client.
import type { FastifyRequest } from 'fastify';
import { signInBodySchema } from '../../shared/console-api.ts';
import { CONSOLE_ENDPOINTS } from '../../shared/console-endpoints.ts';
import { CONSOLE_ERRORS } from '../../shared/error-codes.ts';
import type { Audit, SessionEvent } from '../audit.ts';
import type { Handler } from '../endpoints.ts';
import { refusal } from '../errors.ts';
import { StoreUnavailable } from '../redis.ts';
import type { Stores } from '../stores.ts';
import { rateLimited, type ValueReadAllowance } from '../value-reads.ts';
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
  /** Where sign-in attempts are counted, a minute's window each (shared by instances in Redis):
   * per address and name (`signInsPerMinute`), and per address across every name. */
  limits: { perName: ValueReadAllowance; perAddress: ValueReadAllowance };
}

/** Attempts an address may make a minute, across every name: this many names' worth. */
const ADDRESS_CAP_FACTOR = 4;

export const signInLimits = (stores: Stores, perMinute: number, clock?: () => number) => ({
  perName: stores.allowance(perMinute, clock),
  perAddress: stores.allowance(perMinute * ADDRESS_CAP_FACTOR, clock),
});

/** A sign-in that failed for a reason the user can act on. */
class SignInFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the audit says, when it says more than the caller is told. */
    readonly detail?: string,
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

export function sessionHandlers(deps: SignInDeps): [Handler<typeof CONSOLE_ENDPOINTS.SignIn>, Handler<typeof CONSOLE_ENDPOINTS.SignOut>] {
  const served = deps.regions === null ? 'any region' : `the regions this console serves (${deps.regions.join(', ')})`;

  async function withPassword(credentials: PasswordCredentials): Promise<NewSession> {
    // One account-scoped token proves the password and lists the user's projects; then one
    // token per project (the MFA code, when given, serves each: they are asked within seconds),
    // since a CSMS call needs a token scoped to its project. The account token is dropped here.
    const account = await deps.iam.passwordToken(credentials, { domain: { name: credentials.domain } }).catch((error: unknown) => {
      if (error instanceof IamRefusal && error.status < 500)
        // One answer whatever IAM said: a caller must not learn that a password was right but
        // its MFA code missing. The audit keeps IAM's words.
        throw new SignInFailure(
          401,
          CONSOLE_ERRORS.unauthenticated,
          'IAM refused the sign-in. Check the account name, user name and password, and give an MFA code if your user has a virtual MFA device.',
          `IAM refused the sign-in: ${error.message}`,
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

  const signIn: Handler<typeof CONSOLE_ENDPOINTS.SignIn> = {
    endpoint: CONSOLE_ENDPOINTS.SignIn,
    body: {
      schema: signInBodySchema,
      invalid: refusal(
        400,
        CONSOLE_ERRORS.badRequest,
        'Give an account name, user name and password (and a 6-digit MFA code with your user id), or a token.',
      ),
      limit: 32 * 1024,
    },
    refusedEvent: (req, refused) =>
      auditSignIn(req, {
        who: claimedUser(req.body),
        outcome: refused.status === 429 ? 'rate-limited' : 'denied',
        detail: refused.status === 400 ? 'invalid sign-in body' : undefined,
      }),
    handle: async ({ req, reply, body }) => {
      const claimed = claimedUser(body);
      // Counted on the name as IAM reads it (the schema trimmed it), and per address across every
      // name: behind one proxy, a person's wrong passwords lock out only that person.
      try {
        const waits = [
          await deps.limits.perName.take(`sign-in:${req.ip} ${claimed.toLowerCase()}`, 1),
          await deps.limits.perAddress.take(`sign-in-address:${req.ip}`, 1),
        ];
        const wait = waits.find((w) => w !== null);
        if (wait !== undefined && wait !== null) {
          auditSignIn(req, { who: claimed, outcome: 'rate-limited', method: body.method });
          const limit = waits[0] === null ? deps.limits.perAddress : deps.limits.perName;
          return { ok: false, ...rateLimited(limit.perMinute, wait) };
        }
        const init =
          body.method === 'password'
            ? await withPassword({ domain: body.domain, name: body.user, password: body.password, mfa: body.mfa })
            : await withToken(body.token);
        await deps.sessions.end(sessionCookie(req)); // a sign-in replaces the session it was made from
        const { id, ended } = await deps.sessions.create(init);
        for (let i = 0; i < ended; i++) deps.audit({ action: 'end', who: init.who, clientIp: req.ip, outcome: 'too-many' });
        auditSignIn(req, { who: init.who, outcome: 'ok', method: body.method === 'password' && body.mfa ? 'password+mfa' : body.method });
        setSessionCookie(reply, id);
        return { ok: true, body: { user: init.user, domain: init.domain, projects: init.projects } };
      } catch (error) {
        if (error instanceof SignInFailure) {
          auditSignIn(req, { who: claimed, outcome: 'denied', method: body.method, detail: error.detail ?? error.message });
          return { ok: false, ...refusal(error.status, error.code, error.message) };
        }
        // The shared store (Redis) unreachable: refused with 503, and audited like IAM unreachable.
        if (error instanceof StoreUnavailable) {
          auditSignIn(req, {
            who: claimed,
            outcome: 'error',
            method: body.method,
            detail: 'The shared store (Redis) could not be reached.',
          });
          return { ok: false, ...refusal(error.statusCode, error.error_code, error.error_msg) };
        }
        const detail = error instanceof IamRefusal ? error.message : 'IAM could not be reached.';
        req.log.warn({ detail }, 'sign-in failed');
        auditSignIn(req, { who: claimed, outcome: 'error', method: body.method, detail });
        return { ok: false, ...refusal(502, CONSOLE_ERRORS.badGateway, `Sign-in failed: ${detail}`) };
      }
    },
  };

  const signOut: Handler<typeof CONSOLE_ENDPOINTS.SignOut> = {
    endpoint: CONSOLE_ENDPOINTS.SignOut,
    handle: async ({ req, reply }) => {
      const id = sessionCookie(req);
      const found = await deps.sessions.get(id);
      if ('session' in found) deps.audit({ action: 'sign-out', who: found.session.who, clientIp: req.ip, outcome: 'ok' });
      await deps.sessions.end(id);
      // Whatever this origin left in the browser goes too.
      clearSessionCookie(reply).header('Clear-Site-Data', '"cache", "cookies", "storage"');
      return { ok: true, body: undefined };
    },
  };
  return [signIn, signOut];
}
