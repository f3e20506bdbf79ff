// POST /api/audit: the app reports the uses of a value the server cannot see (a copy or a
// download of a value already on screen). Only ids are accepted, never a value.
import type { FastifyRequest } from 'fastify';
import { auditReportSchema } from '../shared/console-api.ts';
import { CONSOLE_ENDPOINTS } from '../shared/console-endpoints.ts';
import type { Handler } from './endpoints.ts';
import { invalidParameter } from './errors.ts';

export const auditReportHandler: Handler<typeof CONSOLE_ENDPOINTS.AuditReport> = {
  endpoint: CONSOLE_ENDPOINTS.AuditReport,
  body: {
    schema: auditReportSchema,
    invalid: invalidParameter('Invalid audit report: expected {action, project_id, secret_name, version_id}.'),
    limit: 1024,
  },
  route: {
    config: { rateLimit: { max: 120, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => req.identity?.rateKey ?? `ip:${req.ip}` } },
  },
  handle: async ({ body }) => ({
    ok: true,
    body: undefined,
    values: [{ action: body.action, project: body.project_id, secret: body.secret_name, version: body.version_id, outcome: 'reported' }],
  }),
};
