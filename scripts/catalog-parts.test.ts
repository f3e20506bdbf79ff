import { describe, expect, it } from 'vitest';
import { planParts, type ChunkInfo } from './catalog-parts.ts';

const chunk = (name: string, moduleIds: string[], imports: string[] = [], facade: string | null = null, isEntry = false): ChunkInfo => ({
  isEntry,
  facadeModuleId: facade,
  name,
  imports,
  moduleIds,
});

// The entry, two groups of core pages (the lookup page; a secret and a stage page, which share a
// chunk), a lazy page that imports a lazy dialog, and the code they share.
const chunks = {
  'index.js': chunk('index', ['/r/src/web/main.tsx'], ['core.js'], '/r/src/web/main.tsx', true),
  'core.js': chunk('core', ['/r/src/web/shared.tsx']),
  'lookup.js': chunk('lookup', ['/r/src/web/routes/lookup.tsx'], ['core.js', 'flag.js'], '/r/src/web/routes/lookup.tsx'),
  'secret.js': chunk(
    'secret',
    ['/r/src/web/routes/secret.tsx'],
    ['core.js', 'secret-shared.js', 'flag.js'],
    '/r/src/web/routes/secret.tsx',
  ),
  'stage.js': chunk('stage', ['/r/src/web/routes/stage.tsx'], ['core.js', 'secret-shared.js'], '/r/src/web/routes/stage.tsx'),
  'secret-shared.js': chunk('secret-shared', ['/r/src/web/versions.tsx']),
  'flag.js': chunk('flag', ['/r/src/web/flag.tsx']),
  'overview.js': chunk('overview', ['/r/src/web/routes/overview.tsx'], ['core.js', 'dialog.js'], '/r/src/web/routes/overview.tsx'),
  'dialog.js': chunk('dialog', ['/r/src/web/dialog.tsx']),
  'wall.js': chunk('wall', ['/r/src/web/wall.tsx'], ['flag.js'], '/r/src/web/wall.tsx'),
};
const idsByModule = new Map([
  ['/r/src/web/main.tsx', new Set(['a'])],
  ['/r/src/web/shared.tsx', new Set(['b'])],
  ['/r/src/web/routes/lookup.tsx', new Set(['c'])],
  ['/r/src/web/routes/overview.tsx', new Set(['d', 'b'])],
  ['/r/src/web/dialog.tsx', new Set(['e'])],
  ['/r/src/web/routes/secret.tsx', new Set(['s'])],
  ['/r/src/web/routes/stage.tsx', new Set(['t'])],
  ['/r/src/web/versions.tsx', new Set(['v'])],
  ['/r/src/web/flag.tsx', new Set(['f'])],
  ['/r/src/web/wall.tsx', new Set(['w', 'c'])],
]);
const ALL = ['a', 'b', 'c', 'd', 'e', 's', 't', 'v', 'f', 'w', 'h'];
const messages = (prefix: string) => Object.fromEntries(ALL.map((id) => [id, `${prefix}${id}`]));
const catalogs = new Map([
  ['en', messages('en:')],
  ['zh-CN', messages('zh:')],
]);
const groups = [
  { name: 'lookup', pages: ['src/web/routes/lookup.tsx'] },
  { name: 'secret-pages', pages: ['src/web/routes/secret.tsx', 'src/web/routes/stage.tsx'] },
];
const plan = () => planParts(chunks, idsByModule, catalogs, ['en', 'zh-CN'], groups);
const named = (parts: { name: string }[]) => parts.map((p) => p.name.replace(/-[\w-]{8}$/, ''));
const partNamed = (name: string, locale = 'zh-CN') =>
  JSON.parse(plan().parts.find((p) => p.name.startsWith(`${name}-`))!.sources[locale]!) as unknown;

describe('catalog parts: the planning', () => {
  it('puts the messages of the entry and what it imports in the first catalog, and of a chunk two groups of pages reach', () => {
    expect([...plan().mainIds].sort()).toEqual(['a', 'b', 'f']);
  });

  it('gives each group of core pages one part: its pages’ messages and those of what they import, in every language', () => {
    expect(partNamed('lookup')).toEqual({ c: 'zh:c' });
    expect(partNamed('secret-pages', 'en')).toEqual({ s: 'en:s', t: 'en:t', v: 'en:v' });
  });

  it('has a core page fetch its group’s part alone', () => {
    const { partsFor } = plan();
    expect(named(partsFor('lookup.js'))).toEqual(['lookup']);
    expect(named(partsFor('secret.js'))).toEqual(['secret-pages']);
    expect(named(partsFor('stage.js'))).toEqual(['secret-pages']);
  });

  it('gives each other chunk a part with only the messages the first catalog lacks', () => {
    expect(named(plan().parts)).toEqual(['lookup', 'secret-pages', 'overview', 'dialog', 'wall']);
    expect(partNamed('overview', 'en')).toEqual({ d: 'en:d' });
    expect(partNamed('dialog')).toEqual({ e: 'zh:e' });
    // A lazy chunk's own message is in its part even when a core page says it too.
    expect(partNamed('wall')).toEqual({ w: 'zh:w', c: 'zh:c' });
  });

  it('has a lazy chunk fetch its own part and those of the chunks it imports, and no group’s for a chunk two groups share', () => {
    const { partsFor } = plan();
    expect(named(partsFor('overview.js'))).toEqual(['overview', 'dialog']);
    expect(named(partsFor('dialog.js'))).toEqual(['dialog']);
    // flag.js is reached by both groups: its messages are in the first catalog.
    expect(named(partsFor('wall.js'))).toEqual(['wall']);
  });

  it('has a lazy chunk that imports a chunk of one group fetch that group’s part', () => {
    const withHistory = {
      ...chunks,
      'history.js': chunk('history', ['/r/src/web/history.tsx'], ['secret-shared.js'], '/r/src/web/history.tsx'),
    };
    const { partsFor } = planParts(
      withHistory,
      new Map([...idsByModule, ['/r/src/web/history.tsx', new Set(['h'])]]),
      catalogs,
      ['en'],
      groups,
    );
    expect(named(partsFor('history.js'))).toEqual(['history', 'secret-pages']);
  });

  it('names a part by its content, so a changed translation is a new file', () => {
    const before = plan().parts.find((p) => p.name.startsWith('overview-'))!.name;
    catalogs.get('zh-CN')!['d'] = 'zh:changed';
    expect(plan().parts.find((p) => p.name.startsWith('overview-'))!.name).not.toBe(before);
    catalogs.get('zh-CN')!['d'] = 'zh:d';
  });

  it('refuses to plan when a core page has no chunk of its own', () => {
    expect(() =>
      planParts(
        chunks,
        idsByModule,
        catalogs,
        ['en'],
        [{ name: 'lookup', pages: ['src/web/routes/lookup.tsx', 'src/web/routes/gone.tsx'] }],
      ),
    ).toThrow(/found 1 of the 2 core pages' chunks of "lookup"/);
  });
});
