// GET /api/value-reads/{project_id}/{secret_name}[?version=]: a secret's value reads from the
// index. Whoever may read the secret's metadata may see who read its values: CSMS decides, by a
// ShowSecret made as the person asking (the same call the secret's page makes), so a person sees
// this for exactly the secrets whose page they can open.
import type { FastifyInstance } from 'fastify';
import { CSMS_ERRORS } from '../csms/error-codes.ts';
import { checkParam } from '../csms/operations.ts';
import { VALUE_READS_ROUTE, type ValueReads } from '../csms/value-reads.ts';
import type { CsmsReader } from './csms-reader.ts';
import { sendError } from './errors.ts';
import { refuseSignedOut } from './identity.ts';
import type { ValueReadIndex } from './value-read-index.ts';

type Request = { Params: { project_id: string; secret_name: string }; Querystring: Record<string, unknown> };

export function registerValueReads(app: FastifyInstance, opts: { read: CsmsReader; index: ValueReadIndex }) {
  app.get<Request>(VALUE_READS_ROUTE, async (req, reply): Promise<ValueReads | typeof reply> => {
    const { project_id, secret_name } = req.params;
    const { version, ...rest } = req.query;
    const extra = Object.keys(rest)[0];
    const problem =
      checkParam('project_id', project_id) ??
      checkParam('secret_name', secret_name) ??
      (version !== undefined ? checkParam('version_id', version) : null) ??
      (extra !== undefined ? `Unknown query parameter "${extra}".` : null);
    if (problem) return sendError(reply, 400, CSMS_ERRORS.invalidParameter, problem);

    const secret = await opts.read(req.identity, 'ShowSecret', { params: { project_id, secret_name } });
    if (!secret.ok) {
      if (secret.status === 401 && req.identity.session)
        return refuseSignedOut(reply, 'IAM no longer accepts your token (it expired or was revoked). Sign in again.');
      return sendError(reply, secret.status, secret.code, secret.message, secret.requestId);
    }
    return opts.index.list(project_id, secret_name, typeof version === 'string' ? version : undefined);
  });
}
