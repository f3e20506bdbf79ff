// GET /api/secret-page/{project_id}/{secret_name}: what a secret's pages show first, in one request.
// The secret is read as the person asking (ShowSecret, checked and refused exactly as its mirror
// is), and only then, here, its KMS key's state (as the person) and who read its values through the
// console (whoever may read the secret's metadata may see it). The browser could not start those
// two before ShowSecret answered; on the server the wait is one hop on the link to CSMS, not one
// more round trip of the browser's, and ShowSecret is asked once, not once a part.
import { CONSOLE_ENDPOINTS } from '../shared/console-endpoints.ts';
import { paramNames } from '../shared/operations.ts';
import type { CsmsReader } from './csms-reader.ts';
import type { Handler } from './endpoints.ts';
import { keyStateOf } from './overview.ts';
import { forward } from './proxy.ts';
import type { ValueReadIndex } from './value-read-index.ts';

const SHOW_SECRET_PARAMS = paramNames('ShowSecret');

export const secretPageHandler = (opts: { read: CsmsReader; index: ValueReadIndex }): Handler<typeof CONSOLE_ENDPOINTS.SecretPage> => ({
  endpoint: CONSOLE_ENDPOINTS.SecretPage,
  handle: async (call) => {
    const { answer } = await forward('ShowSecret', SHOW_SECRET_PARAMS, call, opts.read);
    if (!answer.ok) return answer;
    const { secret } = answer.body;
    const projectId = call.req.params.project_id!;
    const keyId = secret.kms_key_id;
    const [key, valueReads] = await Promise.all([
      keyId
        ? opts
            .read(call.identity, 'ListKeyDetail', { params: { project_id: projectId }, body: { key_id: keyId } })
            .then((r) => keyStateOf(keyId, r))
        : undefined,
      // The index failing (its store down) costs the page this part only: the page asks it again on its own.
      opts.index.list(projectId, secret.name).catch((error: unknown) => {
        call.req.log.warn({ err: error }, 'value reads index unavailable');
        return undefined;
      }),
    ]);
    return { ok: true, headers: answer.headers, body: { secret, ...(key && { key }), ...(valueReads && { value_reads: valueReads }) } };
  },
});
