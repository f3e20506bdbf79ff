import { describe, expect, it } from 'vitest';
import { diffKeys, jsonObjectOf, lineCount, shapeOf } from './value-shape.ts';

describe('the shape of a value', () => {
  it('is the JSON type of every key of an object, nested keys by path, and no length', () => {
    const shape = shapeOf({
      secret_string: JSON.stringify({ user: 'app', port: 5432, tls: { ca: 'x', verify: true }, tags: [], opts: {} }),
    });
    expect(shape).toEqual({
      kind: 'json',
      keys: [
        { path: ['user'], type: 'string' },
        { path: ['port'], type: 'number' },
        { path: ['tls', 'ca'], type: 'string' },
        { path: ['tls', 'verify'], type: 'boolean' },
        { path: ['tags'], type: 'array' },
        { path: ['opts'], type: 'object' },
      ],
    });
    expect(JSON.stringify(shape)).not.toMatch(/app|5432|"x"/);
  });

  it('counts the lines of text: JSON that is not an object is text', () => {
    expect(shapeOf({ secret_string: 'a\nb\r\nc' })).toEqual({ kind: 'text', lines: 3 });
    expect(shapeOf({ secret_string: 'a\nb\n' })).toEqual({ kind: 'text', lines: 2 });
    expect(shapeOf({ secret_string: '[1,2]' })).toEqual({ kind: 'text', lines: 1 });
    expect(shapeOf({ secret_string: '{"a": ' })).toEqual({ kind: 'text', lines: 1 });
    expect(lineCount('')).toBe(0);
  });

  it('is the size in bytes of a binary', () => {
    for (let n = 0; n < 8; n++) expect(shapeOf({ secret_binary: btoa('\x07'.repeat(n)) })).toEqual({ kind: 'binary', size: n });
  });

  it('stops walking at a depth, and survives JSON nested thousands deep', () => {
    const deep = `${'{"k":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const shape = shapeOf({ secret_string: deep });
    expect(shape.kind === 'json' && shape.keys[0]!.path.length).toBe(32);
    const object = jsonObjectOf(deep)!;
    expect(diffKeys(object, object)[0]!.change).toBe('equal');
  });
});

describe('the keys of two JSON objects', () => {
  it('say equal, changed, added or removed, with each side type, key order aside', () => {
    const a = { user: 'app', password: 'old', port: 5432, tls: { ca: 'x', mode: 'full' }, list: [1, { a: 1 }] };
    const b = { list: [1, { a: 1 }], tls: { mode: 'full', ca: 'y' }, port: '5432', user: 'app', token: 't' };
    expect(diffKeys(a, b)).toEqual([
      { path: ['user'], a: 'string', b: 'string', change: 'equal' },
      { path: ['password'], a: 'string', change: 'removed' },
      { path: ['port'], a: 'number', b: 'string', change: 'changed' },
      { path: ['tls', 'ca'], a: 'string', b: 'string', change: 'changed' },
      { path: ['tls', 'mode'], a: 'string', b: 'string', change: 'equal' },
      { path: ['list'], a: 'array', b: 'array', change: 'equal' },
      { path: ['token'], b: 'string', change: 'added' },
    ]);
  });

  it('compare nested objects by content, and an object against a scalar as changed', () => {
    expect(diffKeys({ o: { x: [1, 2] } }, { o: { x: [2, 1] } })).toEqual([{ path: ['o', 'x'], a: 'array', b: 'array', change: 'changed' }]);
    expect(diffKeys({ o: { x: 1 } }, { o: 'x' })).toEqual([{ path: ['o'], a: 'object', b: 'string', change: 'changed' }]);
    expect(diffKeys({ o: {} }, { o: {} })).toEqual([{ path: ['o'], a: 'object', b: 'object', change: 'equal' }]);
  });

  it('does not find keys on Object.prototype', () => {
    const diff = diffKeys(JSON.parse('{"__proto__": 1, "constructor": 2}'), { constructor: 2 });
    expect(diff).toEqual([
      { path: ['__proto__'], a: 'number', change: 'removed' },
      { path: ['constructor'], a: 'number', b: 'number', change: 'equal' },
    ]);
  });
});
