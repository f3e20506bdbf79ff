// Who is asking, in one place, whatever the auth mode: the server's key pair (nobody signs in),
// a user named by an authenticating reverse proxy (CONSOLE_AUTH=header), or a user signed in
// with their own IAM user (CONSOLE_AUTH=iam, a server-side session). The hooks set
// `req.identity` on every route of the scope the plugin is registered in, or answer 401.
import type { FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Project } from '../csms/console-api.ts';
import { CONSOLE_ERRORS } from '../csms/error-codes.ts';
import { signedHeaders, type Credentials } from '../csms/signer.ts';
import type { Audit } from './audit.ts';
import type { ConsoleAuth } from './config.ts';
import { sendError } from './errors.ts';
import type { ProjectSource } from './projects.ts';
import { clearSessionCookie, sessionCookie, type Session, type SessionStore } from './sessions.ts';
import type { Authorize } from './upstream.ts';

export interface Identity {
  /** What the audit log calls this person. */
  who: string;
  /** The projects this person may open. */
  projects: Project[];
  /** How to authorize a call on a project; undefined when this identity has no access to it. */
  authorizeFor(projectId: string): Authorize | undefined;
  /** Signed in with IAM: the session, which ends when IAM stops accepting its token. */
  session?: Session & { end(reason: 'token-refused'): void };
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity;
  }
}

/** A user name as an authenticating proxy sends it: printable ASCII, no CR/LF. */
const USER_NAME = /^[\x21-\x7e][\x20-\x7e]{0,255}$/;

export interface IdentityOptions {
  auth: ConsoleAuth;
  /** The key pair that signs every call, unless people sign in with IAM. */
  credentials?: Credentials;
  projects: ProjectSource;
  sessions?: SessionStore;
  audit: Audit;
}

/** The server's key pair: every call signed with the official signer. */
function keyPairIdentity(credentials: Credentials, projects: Project[], who: string): Identity {
  return {
    who,
    projects,
    authorizeFor: (projectId) => (url) => signedHeaders(credentials, { method: 'GET', url, headers: { 'X-Project-Id': projectId } }),
  };
}

/** Sends the 401 that takes the app to its sign-in page, dropping the session cookie. */
export const refuseSignedOut = (reply: FastifyReply, message: string) =>
  sendError(clearSessionCookie(reply), 401, CONSOLE_ERRORS.unauthenticated, message);

/**
 * In header mode every request, the app's files included, must come through the reverse proxy,
 * which names the signed-in user. Added to the whole server.
 */
export function requireProxiedRequest(auth: Extract<ConsoleAuth, { mode: 'header' }>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const user = req.headers[auth.header];
    if (typeof user !== 'string' || !USER_NAME.test(user))
      return sendError(reply, 401, CONSOLE_ERRORS.unauthenticated, 'Sign in through the reverse proxy in front of this console.');
  };
}

/** Sets `req.identity` on every route of the scope it is registered in, or answers 401. */
export const identityPlugin = fastifyPlugin<IdentityOptions>(async (scope, opts) => {
  const { auth, audit } = opts;
  scope.decorateRequest('identity', null as unknown as Identity);

  if (auth.mode !== 'iam') {
    const credentials = opts.credentials!;
    const who = (req: FastifyRequest) =>
      auth.mode === 'header' ? `user:${String(req.headers[auth.header])}` : `ak:${credentials.accessKey}`;
    scope.addHook('onRequest', async (req) => {
      req.identity = keyPairIdentity(credentials, opts.projects.list(), who(req));
    });
    return;
  }

  const sessions = opts.sessions!;
  const idleMinutes = Math.round(auth.idleMs / 60_000);
  const why = {
    none: 'Sign in to use the console.',
    idle: `Your session ended after ${idleMinutes} minutes without activity. Sign in again.`,
    expired: 'Your session has reached its time limit. Sign in again.',
  };
  scope.addHook('onRequest', async (req, reply) => {
    const cookie = sessionCookie(req);
    const found = sessions.get(cookie);
    if (!('session' in found)) {
      if (found.ended !== 'none') audit({ action: 'end', who: found.who, clientIp: req.ip, outcome: found.ended });
      return refuseSignedOut(reply, why[found.ended]);
    }
    const session = found.session;
    req.identity = {
      who: session.who,
      projects: session.projects,
      authorizeFor(projectId) {
        const token = session.tokens.get(projectId);
        return token === undefined ? undefined : () => ({ 'X-Auth-Token': token });
      },
      session: {
        ...session,
        end(reason) {
          sessions.end(cookie);
          audit({ action: 'end', who: session.who, clientIp: req.ip, outcome: reason });
        },
      },
    };
  });
});
