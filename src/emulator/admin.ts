// Test-only endpoints (CSMS_EMULATOR_FAULTS=1): fault rules, the request log, and what CSMS's
// public API cannot do: set a secret's state, and record what CSMS does by itself (rotations,
// rotation tasks, notifications), and what CTS recorded before now.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkParam, type ParamName } from '../shared/operations.ts';
import { KEY_STATES, SECRET_STATES } from '../shared/patterns.ts';
import { parseBody } from './bodies.ts';
import { invalidParameter } from './errors.ts';
import { faultRuleBody, type Faults } from './faults.ts';
import type { Iam } from './iam.ts';
import type { RecordsService } from './records.ts';
import { resolveTime, taskOfSeed } from './seed.ts';
import { notificationSeed, taskSeed, traceSeed } from './seed-file.ts';
import type { Service } from './service.ts';
import { callOfSeed, type Traces } from './traces.ts';

const rotationBody = z.object({ rotation_time: z.number().int().min(0) });
const keyBody = z.object({ alias: z.string().min(1).max(255), state: z.enum(KEY_STATES) });
const KEY_ID = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/;

const stateBody = z.object({
  state: z.enum(SECRET_STATES),
  scheduled_delete_time: z.number().int().min(0).optional(),
});

type ProjectParams = { Params: { project_id: string } };
type SecretParams = { Params: { project_id: string; secret_name: string } };

export function registerAdminRoutes(
  app: FastifyInstance,
  deps: { service: Service; records: RecordsService; traces: Traces; faults: Faults; iam: Iam },
) {
  const { faults, service, records, traces, iam } = deps;
  const checked = (params: Record<string, string>) => {
    for (const [name, value] of Object.entries(params)) {
      const problem = checkParam(name as ParamName, value);
      if (problem) throw invalidParameter(problem);
    }
  };
  app.post('/emulator/iam/expire-tokens', async (_req, reply) => {
    iam.expireAll();
    return reply.code(204).send();
  });
  app.post('/emulator/faults', async (req) => faults.add(parseBody(faultRuleBody, req.body)));
  app.get('/emulator/faults', async () => ({ faults: faults.list() }));
  app.delete('/emulator/faults', async (_req, reply) => {
    faults.clear();
    return reply.code(204).send();
  });
  app.delete<{ Params: { id: string } }>('/emulator/faults/:id', async (req, reply) => {
    // Gone already (its count ran out) is the same end state: 204 either way.
    faults.remove(Number(req.params.id));
    return reply.code(204).send();
  });
  app.get<{ Querystring: { project?: string } }>('/emulator/requests', async (req) => ({ requests: faults.requests(req.query.project) }));
  app.delete('/emulator/requests', async (_req, reply) => {
    faults.clearRequests();
    return reply.code(204).send();
  });
  app.put<SecretParams>('/emulator/v1/:project_id/secrets/:secret_name/state', async (req) => {
    checked(req.params);
    const body = parseBody(stateBody, req.body);
    return service.setState(req.params.project_id, req.params.secret_name, body.state, body.scheduled_delete_time);
  });
  // A KMS key's alias and state (KMS's own API changes them; the console only reads them).
  app.put<{ Params: { project_id: string; key_id: string } }>('/emulator/v1/:project_id/kms/keys/:key_id', async (req) => {
    checked({ project_id: req.params.project_id });
    if (!KEY_ID.test(req.params.key_id)) throw invalidParameter('Invalid key_id: expected a KMS key id.');
    const { alias, state } = parseBody(keyBody, req.body);
    return service.kms.put(req.params.project_id, req.params.key_id, alias, state);
  });
  // What CSMS records by itself: when it last rotated a secret, its rotation tasks, its notifications.
  app.put<SecretParams>('/emulator/v1/:project_id/secrets/:secret_name/rotation', async (req) => {
    checked(req.params);
    const { rotation_time } = parseBody(rotationBody, req.body);
    return service.setLastRotation(req.params.project_id, req.params.secret_name, rotation_time);
  });
  app.post<ProjectParams>('/emulator/v1/:project_id/tasks', async (req) => {
    checked(req.params);
    const task = parseBody(taskSeed, req.body);
    return records.addTask(req.params.project_id, {
      ...taskOfSeed(task),
      task_time: task.task_time === undefined ? undefined : resolveTime(task.task_time, Date.now()),
    });
  });
  // What CTS recorded before now (calls made now are recorded as they are served).
  app.post<ProjectParams>('/emulator/v1/:project_id/traces', async (req, reply) => {
    checked(req.params);
    const { traces: seeds } = parseBody(z.object({ traces: z.array(traceSeed).max(1000) }), req.body);
    traces.add(seeds.map((t) => callOfSeed(req.params.project_id, t, resolveTime(t.time, Date.now()))));
    return reply.code(204).send();
  });
  app.post<ProjectParams>('/emulator/v1/:project_id/notification-records', async (req, reply) => {
    checked(req.params);
    const record = parseBody(notificationSeed, req.body);
    records.addNotification(req.params.project_id, {
      ...record,
      create_time: record.create_time === undefined ? undefined : resolveTime(record.create_time, Date.now()),
    });
    return reply.code(204).send();
  });
}
