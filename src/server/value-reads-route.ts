// GET /api/value-reads/{project_id}/{secret_name}[?version=]: a secret's value reads from the
// index. Whoever may read the secret's metadata may see who read its values: CSMS decides, by a
// ShowSecret made as the person asking (the same call the secret's page makes), so a person sees
// this for exactly the secrets whose page they can open.
import { CONSOLE_ENDPOINTS } from '../shared/console-endpoints.ts';
import { checkParam } from '../shared/operations.ts';
import type { CsmsReader } from './csms-reader.ts';
import type { Handler } from './endpoints.ts';
import { invalidParameter, refusal } from './errors.ts';
import type { ValueReadIndex } from './value-read-index.ts';

export const valueReadsHandler = (opts: { read: CsmsReader; index: ValueReadIndex }): Handler<typeof CONSOLE_ENDPOINTS.ValueReads> => ({
  endpoint: CONSOLE_ENDPOINTS.ValueReads,
  handle: async ({ req, identity }) => {
    const { project_id, secret_name } = req.params;
    const { version, ...rest } = req.query;
    const extra = Object.keys(rest)[0];
    const problem =
      checkParam('project_id', project_id) ??
      checkParam('secret_name', secret_name) ??
      (version !== undefined ? checkParam('version_id', version) : null) ??
      (extra !== undefined ? `Unknown query parameter "${extra}".` : null);
    if (problem || project_id === undefined || secret_name === undefined) return { ok: false, ...invalidParameter(problem ?? '') };

    const secret = await opts.read(identity, 'ShowSecret', { params: { project_id, secret_name } });
    if (!secret.ok) return { ok: false, ...refusal(secret.status, secret.code, secret.message, { requestId: secret.requestId }) };
    return { ok: true, body: await opts.index.list(project_id, secret_name, typeof version === 'string' ? version : undefined) };
  },
});
