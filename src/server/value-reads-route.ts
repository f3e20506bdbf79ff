// GET /api/value-reads/{project_id}/{secret_name}[?version=]: a secret's value reads from the
// index. Whoever may read the secret's metadata may see who read its values: CSMS decides, by a
// ShowSecret made as the person asking (the same call the secret's page makes), so a person sees
// this for exactly the secrets whose page they can open.
// GET /api/value-reads/{project_id}?from=&to=: every secret's reads of a project in a window (the
// change feed's), for whoever may list the project's secrets (a ListSecrets as the person).
import { z } from 'zod';
import { CONSOLE_ENDPOINTS } from '../shared/console-endpoints.ts';
import { checkParam } from '../shared/operations.ts';
import { PROJECT_VALUE_READS_PAGE } from '../shared/value-reads.ts';
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

/** A time in the address: milliseconds since the epoch, as CTS's own `from` and `to` are. */
const millis = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'required, in milliseconds since 1970' : 'expected one value, in milliseconds since 1970',
  })
  .regex(/^\d{1,15}$/, 'expected milliseconds since 1970 (digits)')
  .transform(Number);
const windowQuery = z
  .object({ from: millis, to: millis })
  .strict()
  .refine((w) => w.from < w.to, { message: 'the window must end (to) after it starts (from)' });

/** The first problem zod found, said as the console says a bad parameter. */
const problemOf = (error: z.ZodError) => {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys') return `Unknown query parameter "${issue.keys[0]}".`;
  const name = issue?.path[0];
  return name === undefined ? `Invalid window: ${issue?.message}.` : `Invalid ${String(name)}: ${issue?.message}.`;
};

export const projectValueReadsHandler = (opts: {
  read: CsmsReader;
  index: ValueReadIndex;
}): Handler<typeof CONSOLE_ENDPOINTS.ProjectValueReads> => ({
  endpoint: CONSOLE_ENDPOINTS.ProjectValueReads,
  handle: async ({ req, identity }) => {
    const { project_id } = req.params;
    const problem = checkParam('project_id', project_id);
    if (problem || project_id === undefined) return { ok: false, ...invalidParameter(problem ?? '') };
    const window = windowQuery.safeParse(req.query);
    if (!window.success) return { ok: false, ...invalidParameter(problemOf(window.error)) };

    const secrets = await opts.read(identity, 'ListSecrets', { params: { project_id }, query: { limit: '1' } });
    if (!secrets.ok) return { ok: false, ...refusal(secrets.status, secrets.code, secrets.message, { requestId: secrets.requestId }) };
    return { ok: true, body: await opts.index.listProject(project_id, window.data, PROJECT_VALUE_READS_PAGE) };
  },
});
