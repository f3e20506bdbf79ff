// POST /api/audit: the app reports the uses of a value the server cannot see (a copy or a
// download of a value already on screen). Only ids are accepted, never a value.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CSMS_ERRORS } from '../csms/error-codes.ts';
import { NAME_PATTERN, PROJECT_ID_PATTERN, VERSION_ID_PATTERN } from '../csms/patterns.ts';
import type { Audit } from './audit.ts';
import { sendError } from './errors.ts';

const reportSchema = z.strictObject({
  action: z.enum(['copy', 'download']),
  project_id: z.string().regex(PROJECT_ID_PATTERN),
  secret_name: z.string().regex(NAME_PATTERN),
  version_id: z.string().regex(VERSION_ID_PATTERN),
});

export function registerAuditRoute(app: FastifyInstance, deps: { audit: Audit; who: (req: FastifyRequest) => string }) {
  app.post('/api/audit', { bodyLimit: 1024, config: { rateLimit: { max: 120, timeWindow: 60_000 } } }, async (req, reply) => {
    const report = reportSchema.safeParse(req.body);
    if (!report.success)
      return sendError(
        reply,
        400,
        CSMS_ERRORS.invalidParameter,
        'Invalid audit report: expected {action, project_id, secret_name, version_id}.',
      );
    const { action, project_id, secret_name, version_id } = report.data;
    deps.audit({
      action,
      who: deps.who(req),
      clientIp: req.ip,
      project: project_id,
      secret: secret_name,
      version: version_id,
      outcome: 'reported',
    });
    return reply.code(204).send();
  });
}
