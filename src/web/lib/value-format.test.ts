import { describe, expect, it } from 'vitest';
import { base64ToBytes, formatBytes, hexPreview, parseJsonValue } from './value-format.ts';

describe('parseJsonValue', () => {
  it('gives a flat object its fields', () => {
    const view = parseJsonValue('{"user":"app","port":5432,"tls":true,"note":null}');
    expect(view).toEqual({
      kind: 'json',
      pretty: '{\n  "user": "app",\n  "port": 5432,\n  "tls": true,\n  "note": null\n}',
      fields: [
        ['user', 'app'],
        ['port', '5432'],
        ['tls', 'true'],
        ['note', 'null'],
      ],
    });
  });
  it('pretty-prints nested JSON without fields', () => {
    const view = parseJsonValue('[{"a":1}]');
    expect(view).toEqual({ kind: 'json', pretty: '[\n  {\n    "a": 1\n  }\n]' });
  });
  it('never throws on absurdly deep JSON', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(() => parseJsonValue(deep)).not.toThrow();
    expect(parseJsonValue('{"__proto__":{"polluted":1}}')).toEqual({
      kind: 'json',
      pretty: '{\n  "__proto__": {\n    "polluted": 1\n  }\n}',
    });
    expect(parseJsonValue('{"__proto__":"x","a":"b"}')).toMatchObject({
      fields: [
        ['__proto__', 'x'],
        ['a', 'b'],
      ],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('leaves text, bare scalars and invalid JSON as text', () => {
    for (const text of ['hunter2', '42', '"quoted"', '{"a":', '{oops}', '']) expect(parseJsonValue(text)).toEqual({ kind: 'not-json' });
  });
});

describe('binary', () => {
  it('decodes base64 and previews bytes', () => {
    const bytes = base64ToBytes(btoa('\x00AB\xff'));
    expect(Array.from(bytes)).toEqual([0, 65, 66, 255]);
    expect(hexPreview(bytes)).toBe(`00000000  00 41 42 ff${' '.repeat(36)}  .AB.`);
  });
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2470)).toBe('2.4 KiB');
  });
});
