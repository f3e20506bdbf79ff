// Test-only endpoints (CSMS_EMULATOR_FAULTS=1): fault rules, the request log, and setting a
// secret's state, which CSMS's public API cannot do directly.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkParam } from '../csms/operations.ts';
import { SECRET_STATES } from '../csms/patterns.ts';
import { parseBody } from './bodies.ts';
import { invalidParameter } from './errors.ts';
import { faultRuleBody, type Faults } from './faults.ts';
import type { Iam } from './iam.ts';
import type { Service } from './service.ts';

const stateBody = z.object({
  state: z.enum(SECRET_STATES),
  scheduled_delete_time: z.number().int().min(0).optional(),
});

export function registerAdminRoutes(app: FastifyInstance, deps: { service: Service; faults: Faults; iam: Iam }) {
  const { faults, service, iam } = deps;
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
  app.get<{ Querystring: { project?: string } }>('/emulator/requests', async (req) => ({ requests: faults.requests(req.query.project) }));
  app.delete('/emulator/requests', async (_req, reply) => {
    faults.clearRequests();
    return reply.code(204).send();
  });
  app.put<{ Params: { project_id: string; secret_name: string } }>('/emulator/v1/:project_id/secrets/:secret_name/state', async (req) => {
    const { project_id: pid, secret_name: name } = req.params;
    const problem = checkParam('project_id', pid) ?? checkParam('secret_name', name);
    if (problem) throw invalidParameter(problem);
    const body = parseBody(stateBody, req.body);
    return service.setState(pid, name, body.state, body.scheduled_delete_time);
  });
}
