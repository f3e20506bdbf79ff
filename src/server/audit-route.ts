// POST /api/audit: the app reports the uses of a value the server cannot see (a copy or a
// download of a value already on screen). Only ids are accepted, never a value.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditReportSchema } from '../csms/console-api.ts';
import { CONSOLE_PATHS } from '../csms/console-paths.ts';
import { CSMS_ERRORS } from '../csms/error-codes.ts';
import type { Audit } from './audit.ts';
import { sendError } from './errors.ts';

export function registerAuditRoute(app: FastifyInstance, audit: Audit) {
  const rateLimit = { max: 120, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => req.identity.rateKey };
  app.post(CONSOLE_PATHS.audit, { bodyLimit: 1024, config: { rateLimit } }, async (req, reply) => {
    const report = auditReportSchema.safeParse(req.body);
    if (!report.success)
      return sendError(
        reply,
        400,
        CSMS_ERRORS.invalidParameter,
        'Invalid audit report: expected {action, project_id, secret_name, version_id}.',
      );
    const { action, project_id, secret_name, version_id } = report.data;
    audit({
      action,
      who: req.identity.who,
      clientIp: req.ip,
      project: project_id,
      secret: secret_name,
      version: version_id,
      outcome: 'reported',
    });
    return reply.code(204).send();
  });
}
