import { describe, expect, it } from 'vitest';
import { planParts, type ChunkInfo } from './catalog-parts.ts';

const chunk = (name: string, moduleIds: string[], imports: string[] = [], facade: string | null = null, isEntry = false): ChunkInfo => ({
  isEntry,
  facadeModuleId: facade,
  name,
  imports,
  moduleIds,
});

// The entry, one core page, a lazy page that imports a lazy dialog, and the code they share.
const chunks = {
  'index.js': chunk('index', ['/r/src/web/main.tsx'], ['core.js'], '/r/src/web/main.tsx', true),
  'core.js': chunk('core', ['/r/src/web/shared.tsx']),
  'lookup.js': chunk('lookup', ['/r/src/web/routes/lookup.tsx'], ['core.js'], '/r/src/web/routes/lookup.tsx'),
  'overview.js': chunk('overview', ['/r/src/web/routes/overview.tsx'], ['core.js', 'dialog.js'], '/r/src/web/routes/overview.tsx'),
  'dialog.js': chunk('dialog', ['/r/src/web/dialog.tsx']),
};
const idsByModule = new Map([
  ['/r/src/web/main.tsx', new Set(['a'])],
  ['/r/src/web/shared.tsx', new Set(['b'])],
  ['/r/src/web/routes/lookup.tsx', new Set(['c'])],
  ['/r/src/web/routes/overview.tsx', new Set(['d', 'b'])],
  ['/r/src/web/dialog.tsx', new Set(['e'])],
]);
const messages = (prefix: string) => Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((id) => [id, `${prefix}${id}`]));
const catalogs = new Map([
  ['en', messages('en:')],
  ['zh-CN', messages('zh:')],
]);
const plan = () => planParts(chunks, idsByModule, catalogs, ['en', 'zh-CN'], ['src/web/routes/lookup.tsx']);

describe('catalog parts: the planning', () => {
  it('puts the entry’s and the core pages’ messages (with their imports’) in the first catalog', () => {
    expect([...plan().mainIds].sort()).toEqual(['a', 'b', 'c']);
  });

  it('gives each other chunk a part with only the messages the first catalog lacks, in every language', () => {
    const parts = plan().parts;
    expect(parts.map((p) => p.name.replace(/-[\w-]{8}$/, ''))).toEqual(['overview', 'dialog']);
    expect(JSON.parse(parts[0]!.sources['en']!)).toEqual({ d: 'en:d' });
    expect(JSON.parse(parts[0]!.sources['zh-CN']!)).toEqual({ d: 'zh:d' });
    expect(JSON.parse(parts[1]!.sources['zh-CN']!)).toEqual({ e: 'zh:e' });
  });

  it('has a lazy page fetch its own part and those of the chunks it imports, and a core page none', () => {
    const { partsFor } = plan();
    expect(partsFor('overview.js').map((p) => p.name.replace(/-[\w-]{8}$/, ''))).toEqual(['overview', 'dialog']);
    expect(partsFor('dialog.js').map((p) => p.name.replace(/-[\w-]{8}$/, ''))).toEqual(['dialog']);
    expect(partsFor('lookup.js')).toEqual([]);
  });

  it('names a part by its content, so a changed translation is a new file', () => {
    const before = plan().parts[0]!.name;
    catalogs.get('zh-CN')!['d'] = 'zh:changed';
    expect(plan().parts[0]!.name).not.toBe(before);
    catalogs.get('zh-CN')!['d'] = 'zh:d';
  });

  it('refuses to plan when a core page has no chunk of its own', () => {
    expect(() => planParts(chunks, idsByModule, catalogs, ['en'], ['src/web/routes/lookup.tsx', 'src/web/routes/stage.tsx'])).toThrow(
      /found 1 of the 2 core pages/,
    );
  });
});
