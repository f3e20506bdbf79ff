// What a compare may say about a value without revealing it: its kind, and for a JSON object the
// JSON type of each key (nested keys by path), for text its line count, for binary its size. Never
// a string's length or any part of a value. Pure, so the server computes it and tests pin it.

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export type ValueShape =
  { kind: 'json'; keys: { path: string[]; type: JsonType }[] } | { kind: 'text'; lines: number } | { kind: 'binary'; size: number };

export type KeyChange = 'equal' | 'changed' | 'added' | 'removed';
/** One key of two JSON objects: its type on each side where present. `added`: only in b. */
export interface KeyDiff {
  path: string[];
  a?: JsonType;
  b?: JsonType;
  change: KeyChange;
}

/** Past this depth a nested object counts as one value (a 32 KB value can nest thousands deep). */
const MAX_DEPTH = 32;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const typeOf = (value: Json): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as 'string' | 'number' | 'boolean' | 'object');
const isObject = (value: Json): value is JsonObject => typeOf(value) === 'object';

/** The JSON object a text holds, or null (arrays, scalars, invalid JSON and absurd nesting are text). */
export function jsonObjectOf(text: string): JsonObject | null {
  try {
    const parsed = JSON.parse(text) as Json;
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Lines as an editor counts them: a final line break ends the last line, it does not start one. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return /(\r\n|\r|\n)$/.test(text) ? breaks : breaks + 1;
}

/** Every key of an object, nested objects walked (an empty object is a key of type object). */
function keysOf(object: JsonObject, prefix: string[] = []): { path: string[]; type: JsonType }[] {
  return Object.entries(object).flatMap(([key, value]) => {
    const path = [...prefix, key];
    return isObject(value) && Object.keys(value).length > 0 && path.length < MAX_DEPTH
      ? keysOf(value, path)
      : [{ path, type: typeOf(value) }];
  });
}

/** A value as CSMS returns it: the string, or the binary's base64. */
export type StoredValue = { secret_string: string } | { secret_binary: string };

/** The bytes a base64 text decodes to, counted without decoding it. */
export function base64Size(base64: string): number {
  const text = base64.replace(/[^A-Za-z0-9+/=_-]/g, '');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

export function shapeOf(value: StoredValue): ValueShape {
  if ('secret_binary' in value) return { kind: 'binary', size: base64Size(value.secret_binary) };
  const object = jsonObjectOf(value.secret_string);
  return object ? { kind: 'json', keys: keysOf(object) } : { kind: 'text', lines: lineCount(value.secret_string) };
}

/** Deep equality of two JSON values (key order does not matter). */
function sameJson(a: Json, b: Json, depth = 0): boolean {
  if (a === b) return true;
  const type = typeOf(a);
  if (type !== typeOf(b) || depth > MAX_DEPTH * 4) return false;
  if (Array.isArray(a)) {
    const other = b as Json[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]!, depth + 1));
  }
  if (type !== 'object') return false;
  const [x, y] = [a as JsonObject, b as JsonObject];
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameJson(x[k]!, y[k]!, depth + 1));
}

/** Key by key: each key of either object, and whether it is equal, changed, added or removed. */
export function diffKeys(a: JsonObject, b: JsonObject, prefix: string[] = []): KeyDiff[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((key): KeyDiff[] => {
    const path = [...prefix, key];
    const inA = Object.hasOwn(a, key);
    const inB = Object.hasOwn(b, key);
    if (!inB) return [{ path, a: typeOf(a[key]!), change: 'removed' }];
    if (!inA) return [{ path, b: typeOf(b[key]!), change: 'added' }];
    const [x, y] = [a[key]!, b[key]!];
    if (isObject(x) && isObject(y) && Object.keys(x).length + Object.keys(y).length > 0 && path.length < MAX_DEPTH)
      return diffKeys(x, y, path);
    return [{ path, a: typeOf(x), b: typeOf(y), change: sameJson(x, y) ? 'equal' : 'changed' }];
  });
}
