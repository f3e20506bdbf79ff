// The CSMS API on its exact paths, one route per entry of the table of operations. Each handler
// gets its path parameters checked against the table's patterns and its query against the
// read's rules, then calls the service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  checkParam,
  checkQuery,
  OPERATIONS,
  paramNames,
  READ_QUERIES,
  routeOf,
  type OperationName,
  type ParamName,
  type ReadOperation,
} from '../shared/operations.ts';
import { LIMITS } from '../shared/patterns.ts';
import { keyDetailRequestSchema, resourceInstancesRequestSchema } from '../shared/schemas.ts';
import {
  createEventBody,
  createSecretBody,
  createTagBody,
  createVersionBody,
  parseBody,
  updateSecretBody,
  updateStageBody,
} from './bodies.ts';
import { CsmsError, invalidParameter } from './errors.ts';
import type { RecordsService } from './records.ts';
import type { Service } from './service.ts';
import { CTS_INVALID_PARAMETER, type Traces } from './traces.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on every CSMS route: the operation of the table it serves. */
    operation?: OperationName;
  }
}

type Params = Record<ParamName, string>;
/** A route's request: its url declares exactly the parameters its operation's handler reads. */
type Request = FastifyRequest<{ Params: Params; Querystring: Record<string, unknown>; Body: unknown }>;

/** The operation of the route a request matched (set on every CSMS route). */
export const operationOf = (req: FastifyRequest): OperationName | undefined => req.routeOptions.config.operation;

/** The read's query, checked: parameters CSMS does not know are ignored, as CSMS does. */
function queryOf(operation: ReadOperation, req: Request): Record<string, string> {
  const rules = READ_QUERIES[operation];
  const known = Object.fromEntries(Object.entries(req.query).filter(([key]) => Object.hasOwn(rules, key)));
  const checked = checkQuery(operation, known, 'service');
  if ('problem' in checked) throw invalidParameter(checked.problem);
  return checked.query;
}

const pageSize = (value: string | undefined) => (value === undefined ? LIMITS.pageSizeDefault : Number(value));

type Handler = (p: Params, req: Request, reply: FastifyReply) => unknown;

export function registerCsmsRoutes(app: FastifyInstance, service: Service, records: RecordsService, traces: Traces) {
  const limitOf = (q: Record<string, string>) => (q.limit === undefined ? undefined : Number(q.limit));
  const handlers: Record<OperationName, Handler> = {
    ListSecrets: (p, req) => {
      const q = queryOf('ListSecrets', req);
      return service.listSecrets(p.project_id, { limit: pageSize(q.limit), marker: q.marker, eventName: q.event_name });
    },
    ShowSecret: (p) => service.showSecret(p.project_id, p.secret_name),
    ListSecretVersions: (p, req) => {
      const q = queryOf('ListSecretVersions', req);
      return service.listVersions(p.project_id, p.secret_name, { limit: pageSize(q.limit), marker: q.marker });
    },
    ShowSecretVersion: (p) => service.showVersion(p.project_id, p.secret_name, p.version_id),
    ShowSecretStage: (p) => service.showStage(p.project_id, p.secret_name, p.stage_name),
    CreateSecret: (p, req) => service.createSecret(p.project_id, parseBody(createSecretBody, req.body)),
    UpdateSecret: (p, req) => service.updateSecret(p.project_id, p.secret_name, parseBody(updateSecretBody, req.body)),
    CreateSecretVersion: (p, req) => service.createVersion(p.project_id, p.secret_name, parseBody(createVersionBody, req.body)),
    UpdateSecretStage: (p, req) =>
      service.updateStage(p.project_id, p.secret_name, p.stage_name, parseBody(updateStageBody, req.body).version_id),
    DeleteSecretStage: (p, _req, reply) => {
      service.deleteStage(p.project_id, p.secret_name, p.stage_name);
      return reply.code(204).send();
    },
    RotateSecret: (p) => {
      const { time, rotation_func_urn, ...rotated } = service.rotateSecret(p.project_id, p.secret_name);
      const task = records.addTask(p.project_id, {
        secret_name: p.secret_name,
        task_status: 'SUCCESS',
        task_time: time,
        attempt_nums: 1,
        task_error_code: null,
        task_error_msg: null,
        operate_type: 'MANUAL',
        rotation_func_urn,
      });
      return { ...rotated, rotation_task_id: task.task_id };
    },
    ListSecretTask: (p, req) => {
      const { secret_name, status, task_id, marker, ...q } = queryOf('ListSecretTask', req);
      return records.listTasks(p.project_id, { secret_name, status, task_id }, { limit: limitOf(q), marker });
    },
    ListSecretTags: (p) => records.listSecretTags(p.project_id, p.secret_id),
    ListProjectSecretsTags: (p) => records.listProjectTags(p.project_id),
    ListResourceInstances: (p, req) => records.resourceInstances(p.project_id, parseBody(resourceInstancesRequestSchema, req.body)),
    ListSecretEvents: (p, req) => {
      const q = queryOf('ListSecretEvents', req);
      return records.listEvents(p.project_id, { limit: limitOf(q), marker: q.marker });
    },
    ShowSecretEvent: (p) => records.showEvent(p.project_id, p.event_name),
    ListNotificationRecords: (p) => records.listNotificationRecords(p.project_id),
    CreateSecretTag: (p, req, reply) => {
      records.createSecretTag(p.project_id, p.secret_id, parseBody(createTagBody, req.body).tag);
      return reply.code(204).send();
    },
    CreateSecretEvent: (p, req) => records.createEvent(p.project_id, parseBody(createEventBody, req.body)),
    ListKeyDetail: (p, req) => service.kms.describe(p.project_id, parseBody(keyDetailRequestSchema, req.body).key_id),
    ListTraces: (p, req) => {
      try {
        return traces.list(p.project_id, queryOf('ListTraces', req));
      } catch (error) {
        // CTS says it with its own code.
        if (error instanceof CsmsError && error.status === 400) throw new CsmsError(400, CTS_INVALID_PARAMETER, error.message);
        throw error;
      }
    },
  };

  for (const operation of Object.keys(OPERATIONS) as OperationName[]) {
    const names = paramNames(operation);
    app.route<{ Params: Params; Querystring: Record<string, unknown>; Body: unknown }>({
      method: OPERATIONS[operation].method,
      url: routeOf(operation),
      // Authentication reads the operation to check the IAM action it needs.
      config: { operation },
      handler: async (req, reply) => {
        for (const name of names) {
          const problem = checkParam(name, req.params[name]);
          if (problem) throw invalidParameter(problem);
        }
        return handlers[operation](req.params, req, reply);
      },
    });
  }
}
