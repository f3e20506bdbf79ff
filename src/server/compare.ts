// GET /api/compare?a=<project>/<secret>/<version-or-stage>&b=…: the server reads both values and
// answers only their shape (equal or not, key by key for JSON objects, line counts for text, sizes
// for binary) and a fingerprint of each. The browser never receives a value for a compare. Each
// value read needs what a reveal needs (CSMS decides), counts against the person's value-read
// allowance, and is audited (`secret.value.compare`) before the answer is sent.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import type { CompareResult, CompareSide } from '../csms/console-api.ts';
import { CONSOLE_PATHS } from '../csms/console-paths.ts';
import { CSMS_ERRORS } from '../csms/error-codes.ts';
import { isVersionRef, parseValueRef, type ValueRef } from '../csms/value-ref.ts';
import { diffKeys, jsonObjectOf, shapeOf } from '../csms/value-shape.ts';
import { outcomeOf, type Audit, type ValueEvent } from './audit.ts';
import { describeFailure, type CsmsReader, type ReadFailure } from './csms-reader.ts';
import { sendError } from './errors.ts';
import { refuseSignedOut, whoOf, type Identity } from './auth/identity.ts';
import { refuseRateLimited, type ValueReadAllowance } from './value-reads.ts';

export interface CompareOptions {
  read: CsmsReader;
  audit: Audit;
  allowance: ValueReadAllowance;
  /** The key of the fingerprints; it never leaves the server. */
  fingerprintKey: Buffer;
}

type Value = { secret_string: string } | { secret_binary: string };
type Read = { side: CompareSide; value?: Value; failure?: ReadFailure };

export function registerCompare(app: FastifyInstance, opts: CompareOptions) {
  const fingerprint = (value: Value) =>
    createHmac('sha256', opts.fingerprintKey)
      // The kind is part of what is compared: a string and a binary of the same bytes differ.
      .update('secret_binary' in value ? `binary:${value.secret_binary}` : `string:${value.secret_string}`)
      .digest('hex')
      .slice(0, 8);

  /** One side: its stage resolved to a version, then the value read and reduced to its shape. */
  async function readSide(identity: Identity, ref: ValueRef): Promise<Read> {
    const params = { project_id: ref.project_id, secret_name: ref.secret_name };
    let version_id = ref.ref;
    if (!isVersionRef(ref.ref)) {
      const stage = await opts.read(identity, 'ShowSecretStage', { params: { ...params, stage_name: ref.ref } });
      if (!stage.ok) return { side: { ok: false, ref, ...describeFailure('ShowSecretStage', stage) }, failure: stage };
      version_id = stage.data.stage.version_id;
    }
    const result = await opts.read(identity, 'ShowSecretVersion', { params: { ...params, version_id } });
    if (!result.ok) return { side: { ok: false, ref, ...describeFailure('ShowSecretVersion', result) }, failure: result };
    const { version_metadata, ...stored } = result.data.version;
    const value: Value =
      stored.secret_binary !== undefined ? { secret_binary: stored.secret_binary } : { secret_string: stored.secret_string! };
    return {
      value,
      side: {
        ok: true,
        ref,
        version_id: version_metadata.id,
        version_stages: version_metadata.version_stages,
        ...(version_metadata.create_time !== undefined && { create_time: version_metadata.create_time }),
        fingerprint: fingerprint(value),
        ...shapeOf(value),
      },
    };
  }

  const audited = new WeakSet<FastifyRequest>();
  const auditSide = (
    req: FastifyRequest,
    ref: ValueRef,
    version: string,
    outcome: ValueEvent['outcome'],
    status: number,
    requestId?: string,
  ) => {
    audited.add(req);
    opts.audit({
      action: 'compare',
      who: whoOf(req),
      clientIp: req.ip,
      project: ref.project_id,
      secret: ref.secret_name,
      version,
      outcome,
      status,
      requestId,
    });
  };

  app.get<{ Querystring: Record<string, unknown> }>(
    CONSOLE_PATHS.compare,
    {
      // An attempt a guard refused before the handler (another site, no session) is audited too,
      // for each side it names.
      onResponse: async (req, reply) => {
        if (audited.has(req)) return;
        for (const text of [req.query.a, req.query.b]) {
          const ref = typeof text === 'string' ? parseValueRef(text) : null;
          if (ref && !('problem' in ref)) auditSide(req, ref, ref.ref, outcomeOf(reply.statusCode), reply.statusCode);
        }
      },
    },
    async (req, reply: FastifyReply) => {
      const { a, b, ...rest } = req.query;
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) return sendError(reply, 400, CSMS_ERRORS.invalidParameter, `Unknown query parameter "${extra}".`);
      const refs: ValueRef[] = [];
      for (const [name, text] of [
        ['a', a],
        ['b', b],
      ] as const) {
        if (typeof text !== 'string')
          return sendError(
            reply,
            400,
            CSMS_ERRORS.invalidParameter,
            `The query parameter "${name}" is required once: project/secret/version-or-stage.`,
          );
        const ref = parseValueRef(text);
        if ('problem' in ref) return sendError(reply, 400, CSMS_ERRORS.invalidParameter, `${name}: ${ref.problem}`);
        refs.push(ref);
      }
      const [refA, refB] = refs as [ValueRef, ValueRef];

      const wait = await opts.allowance.take(req.identity.rateKey, 2);
      if (wait !== null) {
        for (const ref of refs) auditSide(req, ref, ref.ref, 'rate-limited', 429);
        return refuseRateLimited(reply, opts.allowance.perMinute, wait);
      }
      const [readA, readB] = await Promise.all([readSide(req.identity, refA), readSide(req.identity, refB)]);

      // Decided, then audited (a line per value read), then sent.
      for (const { side, failure } of [readA, readB]) {
        if (side.ok) auditSide(req, side.ref, side.version_id, 'ok', 200);
        else auditSide(req, side.ref, side.ref.ref, outcomeOf(side.status), side.status, failure?.requestId);
      }
      if (req.identity.session && [readA, readB].some((r) => r.failure?.status === 401))
        return refuseSignedOut(reply, 'IAM no longer accepts your token (it expired or was revoked). Sign in again.');

      const result: CompareResult = { a: readA.side, b: readB.side, equal: null };
      if (readA.value && readB.value && readA.side.ok && readB.side.ok) {
        result.equal = readA.side.fingerprint === readB.side.fingerprint && sameValue(readA.value, readB.value);
        const objects = [readA.value, readB.value].map((v) => ('secret_string' in v ? jsonObjectOf(v.secret_string) : null));
        if (objects[0] && objects[1]) result.keys = diffKeys(objects[0], objects[1]);
      }
      return result;
    },
  );
}

const sameValue = (a: Value, b: Value) =>
  'secret_string' in a
    ? 'secret_string' in b && a.secret_string === b.secret_string
    : 'secret_binary' in b && a.secret_binary === b.secret_binary;
