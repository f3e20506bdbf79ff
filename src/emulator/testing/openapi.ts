// Validates emulator answers against the official CSMS definitions (spec/csms-openapi, copied
// from the API Explorer). The definitions have known quirks, patched here and listed once:
// - every timestamp says `maximum: 13` (meant: 13 digits); the live service sends milliseconds;
// - Secret.state has `maxLength: 8`, yet PENDING_DELETE has 14 characters, and Event.state
//   `maxLength: 1`, yet it is ENABLED or DISABLED;
// - Secret.description allows 255 characters in answers but 2048 in CreateSecret/UpdateSecret;
// - ListResourceInstances caps total_count and resources at 100 while its limit goes to 1000.
import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SPEC_DIR = join(import.meta.dirname, '../../../spec/csms-openapi');

type Schema = Record<string, any>;

function patchQuirks(definitions: Record<string, Schema>): Record<string, Schema> {
  const patched = structuredClone(definitions);
  for (const def of Object.values(patched)) {
    for (const [name, prop] of Object.entries<Schema>(def.properties ?? {})) {
      if (prop.type === 'integer' && prop.maximum === 13) delete prop.maximum;
      if (name === 'state' && (prop.maxLength === 8 || prop.maxLength === 1)) delete prop.maxLength;
      if (name === 'description' && prop.maxLength === 255) prop.maxLength = 2048;
      if (name === 'total_count' && prop.maximum === 100) delete prop.maximum;
      if (name === 'resources' && prop.maxItems === 100) delete prop.maxItems;
    }
  }
  return patched;
}

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const cache = new Map<string, ValidateFunction>();

/** A validator for one operation's answer with the given status, e.g. ('ShowSecret', 200). */
export function responseValidator(operation: string, status: number): ValidateFunction {
  const key = `${operation}:${status}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(join(SPEC_DIR, `${operation}.json`), 'utf8'));
  const op = Object.values<Schema>(doc.paths)[0]![doc.method];
  const schema = op.responses[String(status)]?.schema;
  if (!schema) throw new Error(`${operation} declares no body for HTTP ${status}`);
  const validate = ajv.compile({ ...schema, definitions: patchQuirks(doc.definitions) });
  cache.set(key, validate);
  return validate;
}

export function expectValid(operation: string, status: number, body: unknown) {
  const validate = responseValidator(operation, status);
  if (!validate(body))
    throw new Error(
      `${operation} ${status} does not match the definition: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
    );
}
