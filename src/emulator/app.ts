// The emulator's HTTP server: CSMS routes behind cloud-like authentication, the documented error
// bodies for every failure, and (in test mode) fault injection.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CSMS_ERRORS } from '../shared/error-codes.ts';
import { actionsOf, OPERATIONS, serviceOf, type ParamName } from '../shared/operations.ts';
import { CsmsError, invalidBody } from './errors.ts';
import { registerAdminRoutes } from './admin.ts';
import { createFaults, type Faults } from './faults.ts';
import type { Iam } from './iam.ts';
import { operationOf, registerCsmsRoutes } from './routes.ts';
import type { RecordsService } from './records.ts';
import type { Service } from './service.ts';
import type { Caller, Traces } from './traces.ts';
import { verifySignature } from './signature.ts';

/** A request's path parameters: any route's, so each may be absent. */
type AnyRoute = { Params: Partial<Record<ParamName, string>> };

const BODY_LIMIT = 256 * 1024;

export interface EmulatorAuth {
  token: string;
  accessKey: string;
  secretKey: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
    /** A body that could not be parsed; reported after authentication, as the gateway does. */
    bodyError?: CsmsError;
    /** Who authentication found (CTS records their calls). */
    caller?: Caller;
  }
}

export function buildEmulatorApp(opts: {
  service: Service;
  records: RecordsService;
  traces: Traces;
  auth: EmulatorAuth;
  faults: boolean;
  iam: Iam;
}) {
  const app = Fastify({
    logger: false,
    genReqId: () => randomUUID().replaceAll('-', ''),
    bodyLimit: BODY_LIMIT,
  });
  const faults: Faults | undefined = opts.faults ? createFaults() : undefined;

  // Keep the raw bytes: the signature covers them exactly as sent.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    req.rawBody = body;
    if (body.length === 0) return done(null, undefined);
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      req.bodyError = invalidBody('The request body must be JSON (Content-Type: application/json).');
    else
      try {
        return done(null, JSON.parse(body.toString('utf8')));
      } catch {
        req.bodyError = invalidBody('The request body is not valid JSON.');
      }
    done(null, undefined);
  });
  app.removeContentTypeParser(['application/json', 'text/plain']);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });

  if (faults) {
    // The test-only routes are in a scope of their own, so the faults and the request log (hooks
    // of the API scopes below) never touch them, whatever the spelling of their URL.
    app.register(async (admin) =>
      registerAdminRoutes(admin, { service: opts.service, records: opts.records, traces: opts.traces, faults, iam: opts.iam }),
    );
  }

  // The APIs: CSMS routes authenticated as the router matched them (the decoded path), so no
  // spelling of a URL reaches a handler unauthenticated; IAM routes check their own credentials.
  app.register(async (api) => {
    if (faults) {
      api.addHook('onRequest', async (req, reply) => {
        if (await applyFault(faults, req, reply)) return reply;
      });
      api.addHook<AnyRoute>('onResponse', async (req, reply) => {
        faults.record({
          method: req.method,
          path: req.url.split('?')[0]!,
          project: req.params.project_id,
          status: reply.statusCode,
          time: Date.now(),
        });
      });
    }
    // Fastify reads no body on a GET, but a signature covers the bytes sent: Huawei's SDKs send
    // `{}` with a GET and sign it, to CSMS and to IAM alike.
    api.addHook('preHandler', async (req) => {
      req.rawBody ??= await unreadBody(req);
    });
    api.register(async (csms) => {
      csms.addHook<AnyRoute>('preHandler', async (req) => {
        req.caller = authenticate(req, opts.auth, opts.iam);
        if (req.bodyError) throw req.bodyError;
      });
      // CTS's part: each CSMS call by a known caller is a trace, whatever its result. Recorded as
      // the answer is sent, not after: a caller that lists traces next finds this call among them.
      csms.addHook<unknown, AnyRoute>('onSend', async (req, reply, payload) => {
        const operation = operationOf(req);
        if (!req.caller || !operation || serviceOf(operation) !== 'csms') return;
        opts.traces.record({
          projectId: req.params.project_id!,
          operation,
          status: reply.statusCode,
          caller: req.caller,
          sourceIp: req.ip,
          requestId: req.id,
          // CreateSecret names its secret in the body.
          secretName: req.params.secret_name ?? nameInBody(req.body),
          answer: typeof payload === 'string' && reply.statusCode < 300 ? payload : undefined,
        });
      });
      registerCsmsRoutes(csms, opts.service, opts.records, opts.traces);
    });
    opts.iam.register(api, (req) => signedBy(req, opts.auth).ok);
  });

  app.setNotFoundHandler((req, reply) =>
    sendError(reply, new CsmsError(404, CSMS_ERRORS.routeNotFound, `No API at ${req.method} ${req.url.split('?')[0]}.`)),
  );
  app.setErrorHandler((error, req, reply) => {
    if (error instanceof CsmsError) return sendError(reply, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) return sendError(reply, new CsmsError(413, CSMS_ERRORS.invalidBody, 'The request body is too large.'));
    if (status && status < 500) return sendError(reply, new CsmsError(400, CSMS_ERRORS.invalidRequest, 'The request is invalid.'));
    process.stderr.write(`emulator: internal error on ${req.method} ${req.url.split('?')[0]}: ${String(error)}\n`);
    return sendError(reply, new CsmsError(500, CSMS_ERRORS.internal, 'Internal error in the CSMS emulator.'));
  });

  return app;
}

function sendError(reply: FastifyReply, error: CsmsError) {
  const gateway = error.code.startsWith('APIGW');
  const body = { error_code: error.code, error_msg: error.message, ...(gateway && { request_id: reply.request.id }) };
  // KMS nests its errors under `error`.
  return reply
    .code(error.status)
    .type('application/json')
    .send(error.code.startsWith('KMS.') ? { error: body } : body);
}

/** Who the caller is, or an error; the emulator's token and key pair belong to the account itself. */
function authenticate(req: FastifyRequest<AnyRoute>, auth: EmulatorAuth, iam: Iam): Caller {
  const token = req.headers['x-auth-token'];
  if (token !== undefined) {
    if (token === auth.token) return { name: iam.domain.name }; // the emulator's own token: every project
    const checked = iam.check(String(token));
    if (!checked.ok)
      throw new CsmsError(
        401,
        CSMS_ERRORS.authFailed,
        `Incorrect IAM authentication information: the token ${checked.reason === 'expired' ? 'has expired' : 'is not valid'}.`,
      );
    const projectId = req.params.project_id;
    if (projectId !== checked.projectId)
      throw new CsmsError(
        403,
        CSMS_ERRORS.wrongProject,
        checked.projectId
          ? `The token of ${checked.user} is scoped to project ${checked.projectId}; it may not access project ${projectId}.`
          : `The token of ${checked.user} is scoped to the account; project APIs need a project-scoped token.`,
      );
    const operation = operationOf(req);
    // A policy may grant an operation by its identity-policy action or by its role-based alias.
    if (operation && !actionsOf(operation).some(checked.allows))
      throw new CsmsError(
        403,
        CSMS_ERRORS.policyDenied,
        `Policy doesn't allow ${OPERATIONS[operation].action} to be performed by ${checked.user}.`,
      );
    return { name: checked.user, id: checked.userId };
  }
  if (!req.headers.authorization)
    throw new CsmsError(401, CSMS_ERRORS.authFailed, 'Incorrect IAM authentication information: no X-Auth-Token and no signature.');
  const result = signedBy(req, auth);
  if (result.ok) return { name: iam.domain.name, accessKeyId: auth.accessKey };
  if (result.reason === 'clock-skew')
    throw new CsmsError(401, CSMS_ERRORS.clockSkew, 'Incorrect IAM authentication information: X-Sdk-Date is more than 15 minutes off.');
  throw new CsmsError(401, CSMS_ERRORS.authFailed, `Incorrect IAM authentication information: signature ${result.reason}.`);
}

function nameInBody(body: unknown): string | undefined {
  const name = typeof body === 'object' && body !== null ? (body as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name.slice(0, 64) : undefined;
}

/** The bytes of a body the router did not read, up to the body limit. */
async function unreadBody(req: FastifyRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new CsmsError(413, CSMS_ERRORS.invalidBody, 'The request body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function signedBy(req: FastifyRequest, auth: EmulatorAuth) {
  return verifySignature({ method: req.method, url: req.url, headers: req.headers, body: req.rawBody ?? '' }, (ak) =>
    ak === auth.accessKey ? auth.secretKey : undefined,
  );
}

/** Applies the fault for this request, if any; true when it has answered (or dropped) it. */
async function applyFault(faults: Faults, req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const fault = faults.take(req.method, req.url.split('?')[0]!);
  if (!fault) return false;
  if (fault.delay_ms) await sleep(fault.delay_ms);
  if (fault.reset) {
    reply.hijack();
    req.raw.socket.destroy();
    return true;
  }
  for (const [name, value] of Object.entries(fault.headers ?? {})) reply.header(name, value);
  if (fault.malformed) {
    reply
      .code(fault.status ?? 200)
      .type('application/json')
      .send('{"secret": {"name": ');
    return true;
  }
  if (!fault.status) return false;
  const body = fault.body ?? { error_code: CSMS_ERRORS.internal, error_msg: `Injected fault ${fault.status}.` };
  reply.code(fault.status).type('application/json').send(JSON.stringify(body));
  return true;
}
