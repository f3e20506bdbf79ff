// The CSMS API on its exact paths. Each handler checks its path and query parameters against the
// CSMS patterns, then calls the service.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CsmsOperation } from '../csms/actions.ts';
import { LIMITS, NAME_PATTERN, PROJECT_ID_PATTERN, VERSION_REF_PATTERN } from '../csms/patterns.ts';
import { createSecretBody, createVersionBody, parseBody, updateSecretBody, updateStageBody } from './bodies.ts';
import { invalidParameter } from './errors.ts';
import type { Service } from './service.ts';

type Params = { project_id: string; secret_name: string; version_id: string; stage_name: string };
type Query = Record<string, string | undefined>;

function checked(req: FastifyRequest) {
  const p = req.params as Partial<Params>;
  const check = (value: string | undefined, pattern: RegExp, what: string) => {
    if (value !== undefined && !pattern.test(value)) throw invalidParameter(`Invalid ${what}: it must match ${pattern.source}.`);
    return value!;
  };
  return {
    pid: check(p.project_id, PROJECT_ID_PATTERN, 'project_id'),
    name: check(p.secret_name, NAME_PATTERN, 'secret_name'),
    version: check(p.version_id, VERSION_REF_PATTERN, 'version_id'),
    stage: check(p.stage_name, NAME_PATTERN, 'stage_name'),
  };
}

function pageLimit(value: string | undefined): number {
  if (value === undefined) return LIMITS.pageSizeDefault;
  const n = /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= LIMITS.pageSizeMax))
    throw invalidParameter(`Invalid limit: it must be a whole number from 1 to ${LIMITS.pageSizeMax}.`);
  return n;
}

function marker(value: string | undefined, pattern: RegExp): string | undefined {
  if (value === undefined) return undefined;
  if (!pattern.test(value)) throw invalidParameter(`Invalid marker: it must match ${pattern.source}.`);
  return value;
}

/** Route options naming the operation, so authentication can check the IAM action it needs. */
const operation = (name: CsmsOperation) => ({ config: { operation: name } });

/** The operation of the route a request matched (set on every CSMS route). */
export function operationOf(req: FastifyRequest): CsmsOperation | undefined {
  return (req.routeOptions.config as { operation?: CsmsOperation }).operation;
}

export function registerCsmsRoutes(app: FastifyInstance, service: Service) {
  const base = '/v1/:project_id/secrets';

  app.get(base, operation('ListSecrets'), async (req) => {
    const { pid } = checked(req);
    const q = req.query as Query;
    const eventName = q.event_name;
    if (eventName !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(eventName)) throw invalidParameter('Invalid event_name.');
    return service.listSecrets(pid, { limit: pageLimit(q.limit), marker: marker(q.marker, NAME_PATTERN), eventName });
  });
  app.post(base, operation('CreateSecret'), async (req) => service.createSecret(checked(req).pid, parseBody(createSecretBody, req.body)));

  app.get(`${base}/:secret_name`, operation('ShowSecret'), async (req) => {
    const { pid, name } = checked(req);
    return service.showSecret(pid, name);
  });
  app.put(`${base}/:secret_name`, operation('UpdateSecret'), async (req) => {
    const { pid, name } = checked(req);
    return service.updateSecret(pid, name, parseBody(updateSecretBody, req.body));
  });

  app.get(`${base}/:secret_name/versions`, operation('ListSecretVersions'), async (req) => {
    const { pid, name } = checked(req);
    const q = req.query as Query;
    return service.listVersions(pid, name, { limit: pageLimit(q.limit), marker: marker(q.marker, /^v[0-9]{1,10}$/) });
  });
  app.post(`${base}/:secret_name/versions`, operation('CreateSecretVersion'), async (req) => {
    const { pid, name } = checked(req);
    return service.createVersion(pid, name, parseBody(createVersionBody, req.body));
  });
  app.get(`${base}/:secret_name/versions/:version_id`, operation('ShowSecretVersion'), async (req) => {
    const { pid, name, version } = checked(req);
    return service.showVersion(pid, name, version);
  });

  app.get(`${base}/:secret_name/stages/:stage_name`, operation('ShowSecretStage'), async (req) => {
    const { pid, name, stage } = checked(req);
    return service.showStage(pid, name, stage);
  });
  app.put(`${base}/:secret_name/stages/:stage_name`, operation('UpdateSecretStage'), async (req) => {
    const { pid, name, stage } = checked(req);
    return service.updateStage(pid, name, stage, parseBody(updateStageBody, req.body).version_id);
  });
  app.delete(`${base}/:secret_name/stages/:stage_name`, operation('DeleteSecretStage'), async (req, reply) => {
    const { pid, name, stage } = checked(req);
    service.deleteStage(pid, name, stage);
    return reply.code(204).send();
  });
}
