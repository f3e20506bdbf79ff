// GET /api/compare?a=<project>/<secret>/<version-or-stage>&b=…: the server reads both values and
// answers only their shape (equal or not, key by key for JSON objects, line counts for text, sizes
// for binary) and a fingerprint of each. The browser never receives a value for a compare. Each
// value read needs what a reveal needs (CSMS decides), counts against the person's value-read
// allowance, and is audited (`secret.value.compare`) before the answer is sent: the endpoint
// table's gates take the allowance and write the lines; this only computes.
import { createHmac } from 'node:crypto';
import type { CompareResult, CompareSide } from '../shared/console-api.ts';
import { CONSOLE_ENDPOINTS } from '../shared/console-endpoints.ts';
import { CSMS_ERRORS } from '../shared/error-codes.ts';
import { isVersionRef, parseVersionOrStageRef, type VersionOrStageRef } from '../shared/value-ref.ts';
import { diffKeys, jsonObjectOf, shapeOf } from '../shared/value-shape.ts';
import { outcomeOf } from './audit.ts';
import type { Identity } from './auth/identity.ts';
import { describeFailure, type CsmsReader, type ReadFailure } from './csms-reader.ts';
import type { Answer, Handler, ValueUse } from './endpoints.ts';
import { refusal } from './errors.ts';

export interface CompareOptions {
  read: CsmsReader;
  /** The key of the fingerprints; it never leaves the server. */
  fingerprintKey: Buffer;
}

type Value = { secret_string: string } | { secret_binary: string };
type Read = { side: CompareSide; value?: Value; failure?: ReadFailure };

export function compareHandler(opts: CompareOptions): Handler<typeof CONSOLE_ENDPOINTS.Compare> {
  const fingerprint = (value: Value) =>
    createHmac('sha256', opts.fingerprintKey)
      // The kind is part of what is compared: a string and a binary of the same bytes differ.
      .update('secret_binary' in value ? `binary:${value.secret_binary}` : `string:${value.secret_string}`)
      .digest('hex')
      .slice(0, 8);

  /** One side: its stage resolved to a version, then the value read and reduced to its shape. */
  async function readSide(identity: Identity, ref: VersionOrStageRef): Promise<Read> {
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

  return {
    endpoint: CONSOLE_ENDPOINTS.Compare,
    valuesNamed: ({ query }) => refsNamed(query).map(asUse),
    handle: async ({ req, identity }) => {
      const named = refsNamed(req.query);
      const { a, b, ...rest } = req.query;
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) return invalid(named, `Unknown query parameter "${extra}".`);
      const refs: VersionOrStageRef[] = [];
      for (const [name, text] of [
        ['a', a],
        ['b', b],
      ] as const) {
        if (typeof text !== 'string')
          return invalid(named, `The query parameter "${name}" is required once: project/secret/version-or-stage.`);
        const ref = parseVersionOrStageRef(text);
        if ('problem' in ref) return invalid(named, `${name}: ${ref.problem}`);
        refs.push(ref);
      }
      const [refA, refB] = refs as [VersionOrStageRef, VersionOrStageRef];
      const [readA, readB] = await Promise.all([readSide(identity, refA), readSide(identity, refB)]);
      // A line per value read, written before the answer leaves.
      const values = [readA, readB].map(({ side, failure }) =>
        side.ok
          ? { ...asUse(side.ref), version: side.version_id, outcome: 'ok' as const, status: 200 }
          : { ...asUse(side.ref), outcome: outcomeOf(side.status), status: side.status, requestId: failure?.requestId },
      );
      const tokenRefused = [readA, readB].find((r) => r.failure?.status === 401)?.failure;
      if (tokenRefused) return { ok: false, ...refusal(401, tokenRefused.code, tokenRefused.message), values };

      const result: CompareResult = { a: readA.side, b: readB.side, equal: null };
      if (readA.value && readB.value && readA.side.ok && readB.side.ok) {
        result.equal = readA.side.fingerprint === readB.side.fingerprint && sameValue(readA.value, readB.value);
        const objects = [readA.value, readB.value].map((v) => ('secret_string' in v ? jsonObjectOf(v.secret_string) : null));
        if (objects[0] && objects[1]) result.keys = diffKeys(objects[0], objects[1]);
      }
      return { ok: true, body: result, values };
    },
  };
}

/** A line for each ref the query names (`a=` given twice names two), at most a few. */
const MAX_REFS_AUDITED = 8;
function refsNamed(query: Record<string, unknown>): VersionOrStageRef[] {
  const texts = [query.a, query.b].flat().filter((t): t is string => typeof t === 'string');
  return texts
    .map((text) => parseVersionOrStageRef(text))
    .filter((r): r is VersionOrStageRef => !('problem' in r))
    .slice(0, MAX_REFS_AUDITED);
}
const asUse = (ref: VersionOrStageRef): ValueUse => ({
  action: 'compare',
  project: ref.project_id,
  secret: ref.secret_name,
  version: ref.ref,
});
const invalid = (named: VersionOrStageRef[], message: string): Answer<CompareResult> => ({
  ok: false,
  ...refusal(400, CSMS_ERRORS.invalidParameter, message),
  values: named.map((ref) => ({ ...asUse(ref), outcome: 'invalid', status: 400 })),
});

const sameValue = (a: Value, b: Value) =>
  'secret_string' in a
    ? 'secret_string' in b && a.secret_string === b.secret_string
    : 'secret_binary' in b && a.secret_binary === b.secret_binary;
