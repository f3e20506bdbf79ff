// CTS as the emulator plays it: every CSMS call it serves to a known caller becomes a management
// trace (operation, user, source address, result, request id), listed by ListTraces newest first
// with CTS's paging and its 7-day window. Like CTS's management tracker by default, it records
// creation, deletion and change operations only; query (read) traces only when asked to, as CTS
// does once query reporting is configured (CSMS_EMULATOR_CTS_READS=1). Never a value: a trace keeps an answer only for the
// calls whose answers hold none (the stage and version changes), and no request body at all.
// Traces are written in batches (a second at most behind), so recording costs a call nothing.
import { randomUUID } from 'node:crypto';
import { CTS_TRACES_KEPT_MS } from '../shared/cts.ts';
import { OPERATIONS, type OperationName } from '../shared/operations.ts';
import type { TraceSeed } from './seed-file.ts';
import type { TraceFilter, TraceRow, TraceStore } from './trace-store.ts';
import { CsmsError } from './errors.ts';

export const CTS_INVALID_PARAMETER = 'CTS.0001';
const DEFAULT_WINDOW_MS = 3600_000;
const FLUSH_MS = 1000;
/** The calls whose answers CTS may keep: metadata that says which version got which stage. */
const ANSWER_KEPT = new Set<OperationName>(['CreateSecret', 'CreateSecretVersion', 'UpdateSecretStage', 'RotateSecret']);

/** Who made a call, as authentication found them. */
export interface Caller {
  name: string;
  id?: string;
  accessKeyId?: string;
}

export interface Call {
  projectId: string;
  operation: OperationName;
  status: number;
  caller: Caller;
  sourceIp: string;
  requestId: string;
  secretName?: string;
  /** The answer sent (JSON), for the calls whose answers are kept. */
  answer?: string;
  time?: number;
}

/** A seeded trace as the call it stands for, with the answer CTS would have kept. */
export function callOfSeed(projectId: string, seed: TraceSeed, time: number): Call {
  const [stage] = seed.stages ?? [];
  const answer =
    seed.operation === 'UpdateSecretStage' && stage && seed.version_id
      ? { stage: { name: stage, version_id: seed.version_id, secret_name: seed.secret_name, update_time: time } }
      : seed.operation === 'CreateSecretVersion' && seed.version_id
        ? { version_metadata: { id: seed.version_id, version_stages: seed.stages ?? [], secret_name: seed.secret_name, create_time: time } }
        : undefined;
  return {
    projectId,
    operation: seed.operation,
    status: seed.status,
    caller: { name: seed.user },
    sourceIp: seed.source_ip,
    requestId: randomUUID().replaceAll('-', ''),
    secretName: seed.secret_name,
    answer: answer && JSON.stringify(answer),
    time,
  };
}

const ratingOf = (status: number): TraceRow['trace_rating'] => (status >= 500 ? 'incident' : status >= 400 ? 'warning' : 'normal');

export function createTraces(
  store: TraceStore,
  domain: () => { id: string; name: string },
  { reads = false, clock = Date.now }: { reads?: boolean; clock?: () => number } = {},
) {
  let pending: TraceRow[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    store.insertAll(rows);
  };
  const timer = setInterval(flush, FLUSH_MS);
  timer.unref();

  const rowOf = (call: Call): TraceRow => ({
    project_id: call.projectId,
    trace_id: randomUUID(),
    time: call.time ?? clock(),
    trace_name: call.operation,
    trace_rating: ratingOf(call.status),
    read_only: OPERATIONS[call.operation].method === 'GET' ? 1 : 0,
    resource_name: call.secretName ?? null,
    user_name: call.caller.name,
    user_id: call.caller.id ?? null,
    access_key_id: call.caller.accessKeyId ?? null,
    source_ip: call.sourceIp,
    request_id: call.requestId,
    code: String(call.status),
    response: call.answer !== undefined && ANSWER_KEPT.has(call.operation) && call.status < 300 ? call.answer : null,
  });

  const traceOut = (row: TraceRow) => {
    const { id, name } = domain();
    return {
      trace_id: row.trace_id,
      trace_name: row.trace_name,
      trace_rating: row.trace_rating,
      trace_type: 'ApiCall',
      service_type: 'CSMS',
      resource_type: 'secret',
      ...(row.resource_name !== null && { resource_name: row.resource_name }),
      api_version: 'v1',
      source_ip: row.source_ip,
      request_id: row.request_id,
      code: row.code,
      read_only: row.read_only === 1,
      time: row.time,
      record_time: row.time,
      user: {
        name: row.user_name,
        user_name: row.user_name,
        type: 'User',
        ...(row.user_id !== null && { id: row.user_id }),
        ...(row.access_key_id !== null && { access_key_id: row.access_key_id }),
        domain: { id, name },
      },
      ...(row.response !== null && { response: row.response }),
    };
  };

  return {
    record(call: Call) {
      if (reads || OPERATIONS[call.operation].method !== 'GET') pending.push(rowOf(call));
    },
    /** Seeds and tests: traces at given times, stored at once. */
    add(calls: Call[]) {
      flush();
      store.insertAll(calls.map(rowOf));
    },
    has: (projectId: string) => {
      flush();
      return store.any(projectId);
    },
    /** ListTraces, its query already checked against the definition's rules. */
    list(projectId: string, q: Record<string, string>) {
      flush();
      const now = clock();
      // CTS has no data trackers here and records CSMS only.
      if (q.trace_type !== 'system' || (q.service_type !== undefined && q.service_type !== 'CSMS'))
        return { traces: [], meta_data: { count: 0 } };
      const to = q.to !== undefined ? Number(q.to) : now;
      const from = Math.max(q.from !== undefined ? Number(q.from) : to - DEFAULT_WINDOW_MS, now - CTS_TRACES_KEPT_MS);
      const limit = q.limit !== undefined ? Number(q.limit) : 10;
      // A trace id makes every other condition void, as CTS documents.
      const filter: TraceFilter = q.trace_id
        ? { trace_id: q.trace_id }
        : { resource_name: q.resource_name, trace_name: q.trace_name, user: q.user, trace_rating: q.trace_rating };
      const window = q.trace_id ? { from: now - CTS_TRACES_KEPT_MS, to: now + 1 } : { from, to };
      const rows = store.page(projectId, window, filter, q.next, limit);
      if (rows === null) throw new CsmsError(400, CTS_INVALID_PARAMETER, `The marker "${q.next}" names no trace.`);
      const page = rows.slice(0, limit);
      return {
        traces: page.map(traceOut),
        // No marker on the last page (the definition's marker is a string; CTS documents null).
        meta_data: { count: page.length, ...(rows.length > limit && { marker: page.at(-1)!.trace_id }) },
      };
    },
    close() {
      clearInterval(timer);
      flush();
    },
  };
}
export type Traces = ReturnType<typeof createTraces>;
