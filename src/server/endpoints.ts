// The one place where the console's endpoints are served from their rows (console-endpoints.ts).
// Every request meets the same gates in the same order: one Host header, the host allowlist, the
// start token, the header-mode gate; then, on a row: the cross-site gate, the person's identity,
// the value-read allowance. A row's handler only computes its answer; here it is audited (a line
// per value for the rows that read values) and sent. Refusals go through one function: before
// anyone is identified they are only tallied (a flood of them costs a bounded number of lines);
// after, each is audited. An upstream refusal of the person's token ends the session here, and
// only here, with the 401 that takes the app to its sign-in page.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import { routePattern, type AnswerOf, type AnyEndpoint, type BodyOf, type EndpointName } from '../shared/console-endpoints.ts';
import { CONSOLE_REQUEST_HEADER } from '../shared/console-paths.ts';
import { CONSOLE_ERRORS } from '../shared/error-codes.ts';
import { outcomeOf, type Audit, type ValueEvent } from './audit.ts';
import { occurrences, type Identify, type Identity } from './auth/identity.ts';
import { refusal, sendError, sendRefusal, signedOut, type Refusal } from './errors.ts';
import type { RefusalTally } from './refusal-tally.ts';
import { rateLimited, type TakeValueReads } from './value-reads.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The row of the endpoint table this route serves. */
    endpoint?: AnyEndpoint;
  }
  interface FastifyRequest {
    /** Who is asking, once the gates identified them (anonymous on a row that needs no one); null
     * before, and on routes outside the table. */
    identity: Identity | null;
  }
}

/** A value a request names or reads, for its audit line. */
export interface ValueUse {
  action: ValueEvent['action'];
  project: string;
  secret: string;
  version: string;
}
export interface ValueOutcome extends ValueUse {
  outcome: ValueEvent['outcome'];
  /** The answer's status; none for a use the app reported. */
  status?: number;
  requestId?: string;
}

/** What a handler decided: the answer (undefined body: 204) or the refusal, and, for a row that
 * reads values, each value's outcome, audited before anything is sent. */
export type Answer<R> = ({ ok: true; body: R; headers?: Record<string, string> } | ({ ok: false } & Refusal)) & {
  values?: ValueOutcome[];
};

export interface Named {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
}
const recordOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {};

export interface Call<E extends AnyEndpoint> {
  req: FastifyRequest<{ Params: Record<string, string | undefined>; Querystring: Record<string, unknown> }>;
  reply: FastifyReply;
  /** The person; on a row with `identity: 'none'`, anonymous (no project). */
  identity: Identity;
  /** The body, checked by the handler's schema. */
  body: BodyOf<E>;
}

/** How the server serves one row: its handler, and what the gates need of it. */
export interface Handler<E extends AnyEndpoint> {
  endpoint: E;
  /** The body's schema, the refusal of a body it does not accept (nothing else done), its size limit. */
  body?: { schema: z.ZodType<BodyOf<E>>; invalid: Refusal; limit?: number };
  /** The values a request names (its path and query as sent), for the audit of a refusal before
   * the handler. */
  valuesNamed?: (named: Named) => ValueUse[];
  /** The audit line of a refusal on a session-event row (a sign-in refused by a gate). */
  refusedEvent?: (req: FastifyRequest, refusal: Refusal) => void;
  /** Route options Fastify plugins read (a rate limit). */
  route?: Pick<RouteShorthandOptions, 'config'>;
  handle(call: Call<E>): Promise<Answer<AnswerOf<E>>>;
}

/** Whatever the row, the handlers of a server share this type. */
export type AnyHandler = Handler<AnyEndpoint>;

type GateResult = Refusal | 'sent' | undefined;
/** A gate every request meets (pages too): a refusal, `sent` (it answered), or nothing; a gate
 * that needs no store answers at once, without a promise (every request meets them all). */
export type Gate = (req: FastifyRequest, reply: FastifyReply) => GateResult | Promise<GateResult>;

export interface ServeOptions {
  /** Before the rows' own gates, on every route but the probes, in this order. */
  gates: Gate[];
  /** Who is asking, for a row with `identity: 'required'`. */
  identify: Identify;
  takeValueReads: TakeValueReads;
  audit: Audit;
  tally: RefusalTally;
}

const requestHeader = CONSOLE_REQUEST_HEADER.toLowerCase();

/** No Origin (a same-origin GET), or one naming this host. The scheme is not compared: behind a
 * TLS-terminating proxy the browser says https while this server sees http. */
function sameHost(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function crossSite(req: FastifyRequest): Refusal | undefined {
  if (req.headers['sec-fetch-site'] === 'cross-site' || !sameHost(req.headers.origin, req.headers.host))
    return refusal(403, CONSOLE_ERRORS.forbidden, 'Cross-site requests are refused.');
  if (req.headers[requestHeader] !== '1')
    return refusal(403, CONSOLE_ERRORS.forbidden, `Requests must carry the ${CONSOLE_REQUEST_HEADER} header.`);
}

/** Headers whose repeats would let two readers disagree on one request (RFC 9112 §3.2). */
const SINGLE_HEADERS = ['host', 'sec-fetch-site'];
export const singleHeaders: Gate = (req) => {
  const repeated = SINGLE_HEADERS.find((name) => occurrences(req, name) > 1);
  if (repeated) return refusal(400, CONSOLE_ERRORS.badRequest, `The ${repeated} header must be sent once.`);
};

export function serveEndpoints(app: FastifyInstance, handlers: AnyHandler[], opts: ServeOptions) {
  const byRow = new Map<EndpointName, AnyHandler>(handlers.map((h) => [h.endpoint.name, h]));
  app.decorateRequest('identity', null);

  const auditValues = (req: FastifyRequest, values: ValueOutcome[]) => {
    for (const v of values) opts.audit({ ...v, who: req.identity?.who ?? 'anonymous', clientIp: req.ip, requestId: v.requestId });
  };

  /** Every refusal of a row's request. One a gate made before anyone was identified is only
   * tallied (by client and minute); once the person is known, each is audited: a line per value
   * named, or the row's session event. */
  function refuse(req: FastifyRequest, reply: FastifyReply, r: Refusal, stage: 'gate' | 'identified') {
    const row = req.routeOptions.config.endpoint;
    const served = row && byRow.get(row.name);
    if (row && served && row.audit !== 'none') {
      if (stage === 'gate') opts.tally.count(req.ip, `${req.method} ${req.url}`);
      else if (served.refusedEvent) served.refusedEvent(req, r);
      else if (served.valuesNamed)
        auditValues(
          req,
          served
            .valuesNamed({ params: recordOf(req.params), query: recordOf(req.query) })
            .map((v) => ({ ...v, outcome: outcomeOf(r.status), status: r.status })),
        );
    }
    return sendRefusal(reply, r);
  }

  // The gates, in order, on every route (a probe answers load balancers by address: none).
  app.addHook('onRequest', async (req, reply) => {
    const config = req.routeOptions.config;
    if (config.probe) return;
    for (const gate of opts.gates) {
      const answered = gate(req, reply);
      const result = answered instanceof Promise ? await answered : answered;
      if (result === 'sent') return reply;
      if (result) return refuse(req, reply, result, 'gate');
    }
    const row = config.endpoint;
    if (!row) return;
    const refused = crossSite(req);
    if (refused) return refuse(req, reply, refused, 'gate');
    const found = row.identity === 'required' ? await opts.identify(req, row.valueReads) : { identity: anonymous(req) };
    if ('refusal' in found) return refuse(req, reply, found.refusal, 'gate');
    req.identity = found.identity;
    if (row.valueReads > 0) {
      // Taken with the identity where its store could (one round trip), else now.
      const taken = 'valueReadsWait' in found ? found.valueReadsWait : undefined;
      const wait = taken === undefined ? await opts.takeValueReads(req.identity, row.valueReads) : taken;
      if (wait !== null) return refuse(req, reply, rateLimited(opts.takeValueReads.perMinute, wait), 'identified');
    }
  });

  // In a plugin of their own, registered after the rate limiter, which reads each route's config.
  app.register(async (scope) => serveRoutes(scope, handlers, refuse, auditValues));
}

function serveRoutes(
  app: FastifyInstance,
  handlers: AnyHandler[],
  refuse: (req: FastifyRequest, reply: FastifyReply, r: Refusal, stage: 'gate' | 'identified') => FastifyReply,
  auditValues: (req: FastifyRequest, values: ValueOutcome[]) => void,
) {
  const routes = new Map<string, HTTPMethods[]>();
  for (const h of handlers) {
    const row = h.endpoint;
    const url = routePattern(row);
    routes.set(url, [...(routes.get(url) ?? []), row.method]);
    app.route<{ Params: Record<string, string | undefined>; Querystring: Record<string, unknown>; Body: unknown }>({
      method: row.method,
      url,
      bodyLimit: h.body?.limit,
      config: { ...h.route?.config, endpoint: row },
      handler: async (req, reply) => {
        let body: unknown = undefined;
        if (h.body) {
          const parsed = h.body.schema.safeParse(req.body);
          if (!parsed.success) return refuse(req, reply, h.body.invalid, 'identified');
          body = parsed.data;
        }
        // The gates set it for every row before its handler.
        const identity = req.identity ?? anonymous(req);
        const answer = await h.handle({ req, reply, identity, body });
        // Decided, then audited, then sent: a value whose line cannot be written is never sent.
        if (answer.values) auditValues(req, answer.values);
        if (answer.ok) {
          if (answer.headers) reply.headers(answer.headers);
          return answer.body === undefined ? reply.code(204).send() : reply.code(200).send(answer.body);
        }
        // IAM no longer accepts the person's token: the session ends, and the app signs in again.
        if (answer.status === 401 && req.identity?.session) {
          await req.identity.session.end('token-refused');
          return sendRefusal(reply, signedOut('IAM no longer accepts your token (it expired or was revoked). Sign in again.'));
        }
        return sendRefusal(reply, answer);
      },
    });
  }
  // Any other method on a row's address: 405, with the methods it answers.
  for (const [url, methods] of routes)
    app.route({
      method: (['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const).filter((m) => !methods.includes(m)),
      url,
      handler: (_req, reply) =>
        sendError(
          reply.header('Allow', methods.join(', ')),
          405,
          CONSOLE_ERRORS.methodNotAllowed,
          `This address answers ${methods.join(' and ')} only: the console is read-only.`,
        ),
    });
}

/** Nobody in particular: a row that needs no identity (sign-in) is asked by this. */
const anonymous = (req: FastifyRequest): Identity => ({
  who: 'anonymous',
  rateKey: `ip:${req.ip}`,
  projects: [],
  authorizeFor: () => undefined,
});
