// Who is asking, in one place, whatever the auth mode: the server's key pair (nobody signs in),
// a user named by an authenticating reverse proxy (CONSOLE_AUTH=header), or a user signed in
// with their own IAM user (CONSOLE_AUTH=iam, a server-side session). The endpoint gates
// (endpoints.ts) ask it for every row that needs someone.
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { Project } from '../../shared/console-api.ts';
import { CONSOLE_ERRORS } from '../../shared/error-codes.ts';
import { signedHeaders, type Credentials } from '../../shared/signer.ts';
import type { Audit } from '../audit.ts';
import type { ConsoleAuth } from '../config.ts';
import { refusal, signedOut, type Refusal } from '../errors.ts';
import type { ProjectSource } from '../projects.ts';
import { sessionCookie, type Session, type SessionStore } from './sessions.ts';
import { JSON_TYPE, type Authorize } from '../upstream.ts';
import { parseCidr } from '../cidr.ts';

export interface Identity {
  /** What the audit log calls this person. */
  who: string;
  /** Whose allowance a rate limit counts: the named person, else the client's address. */
  rateKey: string;
  /** The projects this person may open. */
  projects: Project[];
  /** How to authorize a call on a project; undefined when this identity has no access to it. */
  authorizeFor(projectId: string): Authorize | undefined;
  /** Signed in with IAM: the session, which ends when IAM stops accepting its token. */
  session?: Session & { end(reason: 'token-refused'): Promise<void> };
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

/** Who reads with the server's key pair when nobody is named: its access key. */
export const keyPairReader = (credentials: Credentials) => `ak:${credentials.accessKey}`;

/** The server's key pair: every call signed with the official signer. */
export function keyPairIdentity(credentials: Credentials, projects: Project[], who: string, rateKey: string): Identity {
  return {
    who,
    rateKey,
    projects,
    authorizeFor: (projectId) => (call) =>
      signedHeaders(credentials, {
        method: call.method,
        url: call.url,
        headers: { 'X-Project-Id': projectId, ...(call.body !== undefined && JSON_TYPE) },
        data: call.body,
      }),
  };
}

/** The header in which a reverse proxy proves itself with CONSOLE_AUTH_PROXY_SECRET. */
export const PROXY_SECRET_HEADER = 'x-console-proxy-secret';

/** How many times a header came in the raw request (Node joins repeats with ", "). */
export const occurrences = (req: FastifyRequest, name: string) =>
  req.raw.rawHeaders.filter((value, i) => i % 2 === 0 && value.toLowerCase() === name).length;

/** A set of addresses and CIDRs, matched with Node's BlockList (IPv4-mapped IPv6 too). */
export function addressList(entries: string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (!cidr) throw new Error(`"${entry}" is not an IP address or CIDR such as 10.0.0.0/8.`);
    if (cidr.bits === undefined) list.addAddress(cidr.address, cidr.family);
    else list.addSubnet(cidr.address, cidr.bits, cidr.family);
  }
  return (address) => {
    if (!address) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
    return mapped ? list.check(mapped, 'ipv4') : list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * In header mode every request, the app's files included, must come through the reverse proxy,
 * which names the signed-in user: from a trusted proxy's address, or with the proxy's shared
 * secret; the user header exactly once (a repeated one could name two people). Added to the whole
 * server.
 */
export function requireProxiedRequest(auth: Extract<ConsoleAuth, { mode: 'header' }>, trustedProxies: string[]) {
  const trusted = addressList(trustedProxies);
  const secret = auth.proxySecret === undefined ? undefined : Buffer.from(auth.proxySecret);
  const refuse = (message: string) => refusal(401, CONSOLE_ERRORS.unauthenticated, message);
  return async (req: FastifyRequest) => {
    if (trustedProxies.length > 0 && !trusted(req.socket.remoteAddress))
      return refuse('This console answers only through its reverse proxy.');
    if (secret) {
      const given = req.headers[PROXY_SECRET_HEADER];
      const bytes = Buffer.from(typeof given === 'string' ? given : '');
      if (bytes.length !== secret.length || !timingSafeEqual(bytes, secret) || occurrences(req, PROXY_SECRET_HEADER) !== 1)
        return refuse('This console answers only through its reverse proxy.');
    }
    const user = req.headers[auth.header];
    if (occurrences(req, auth.header) !== 1 || typeof user !== 'string' || !USER_NAME.test(user))
      return refuse('Sign in through the reverse proxy in front of this console.');
  };
}

/** Who is asking: the identity, or why nobody is (the 401 that takes the app to sign-in).
 * `valueReads`: what the request takes from the person's allowance; `valueReadsWait` is set when
 * they were taken with the identity (a session in Redis: one round trip), as the allowance answers. */
export type Identify = (
  req: FastifyRequest,
  valueReads: number,
) => Promise<{ identity: Identity; valueReadsWait?: number | null } | { refusal: Refusal }>;

export function createIdentify(opts: IdentityOptions): Identify {
  const { auth, audit } = opts;
  if (auth.mode !== 'iam') {
    const credentials = opts.credentials!;
    return async (req) => {
      // Header mode names the person; otherwise everyone reads as the key pair, told apart by address.
      const user = auth.mode === 'header' ? `user:${String(req.headers[auth.header])}` : undefined;
      return {
        identity: keyPairIdentity(credentials, opts.projects.list(), user ?? keyPairReader(credentials), user ?? `ip:${req.ip}`),
      };
    };
  }

  const sessions = opts.sessions!;
  const idleMinutes = Math.round(auth.idleMs / 60_000);
  const why = {
    none: 'Sign in to use the console.',
    idle: `Your session ended after ${idleMinutes} minutes without activity. Sign in again.`,
    expired: 'Your session has reached its time limit. Sign in again.',
  };
  return async (req, valueReads) => {
    const cookie = sessionCookie(req);
    const found = await sessions.get(cookie, valueReads);
    if (!('session' in found)) {
      if (found.ended !== 'none') audit({ action: 'end', who: found.who, clientIp: req.ip, outcome: found.ended });
      return { refusal: signedOut(why[found.ended]) };
    }
    const session = found.session;
    return {
      valueReadsWait: found.valueReadsWait,
      identity: {
        who: session.who,
        rateKey: session.who,
        projects: session.projects,
        authorizeFor(projectId) {
          const token = session.tokens.get(projectId);
          return token === undefined ? undefined : () => ({ 'X-Auth-Token': token });
        },
        session: {
          ...session,
          async end(reason) {
            await sessions.end(cookie);
            audit({ action: 'end', who: session.who, clientIp: req.ip, outcome: reason });
          },
        },
      },
    };
  };
}
