import { describe, expect, it } from 'vitest';
import { assign, type ModuleGraph } from './shared-chunks.ts';

const root = process.cwd();
const id = (path: string) => `${root}/src/web/${path}`;
// The entry imports the shell and loads four pages on demand; the pages share some modules.
const edges: Record<string, { imports?: string[]; lazy?: string[] }> = {
  'main.tsx': { imports: ['shell.tsx'], lazy: ['routes/lookup.tsx', 'routes/detail.tsx', 'routes/stage.tsx', 'routes/overview.tsx'] },
  'shell.tsx': {},
  'routes/lookup.tsx': { imports: ['list.tsx', 'util.ts', 'solo.tsx'] },
  'routes/detail.tsx': { imports: ['util.ts', 'meta.tsx', 'chart.tsx'] },
  'routes/stage.tsx': { imports: ['meta.tsx'] },
  'routes/overview.tsx': { imports: ['util.ts', 'chart.tsx', 'list.tsx'] },
};
const graph: ModuleGraph = {
  getModuleInfo: (module) => {
    const path = module.slice(`${root}/src/web/`.length);
    const e = edges[path];
    return { importedIds: (e?.imports ?? []).map(id), dynamicallyImportedIds: (e?.lazy ?? []).map(id) };
  },
};
const groups = [
  { chunk: 'core', pages: ['src/web/routes/lookup.tsx'] },
  { chunk: 'secret-pages', pages: ['src/web/routes/detail.tsx', 'src/web/routes/stage.tsx'] },
];

describe('shared chunks: which module goes where', () => {
  const chunkOf = assign(graph, id('main.tsx'), groups);

  it('puts the entry’s static imports in the first group’s chunk', () => {
    expect(chunkOf.get(id('shell.tsx'))).toBe('core');
  });

  it('puts a module shared by pages in the first group that reaches it', () => {
    expect(chunkOf.get(id('util.ts'))).toBe('core');
    expect(chunkOf.get(id('meta.tsx'))).toBe('secret-pages');
  });

  it('leaves a module only one page reaches, and the pages themselves, to the bundler', () => {
    for (const alone of ['solo.tsx', 'routes/lookup.tsx', 'routes/overview.tsx']) expect(chunkOf.has(id(alone))).toBe(false);
  });

  it('puts the modules one core page shares only with pages loaded on demand in a chunk of that page: no other core page downloads them', () => {
    expect(chunkOf.get(id('chart.tsx'))).toBe('detail-shared');
    expect(chunkOf.get(id('list.tsx'))).toBe('lookup-shared');
  });

  it('leaves the modules said to be used only on demand to the bundler, though the entry imports them', () => {
    expect(assign(graph, id('main.tsx'), groups, /shell\.tsx$/).has(id('shell.tsx'))).toBe(false);
    expect(assign(graph, id('main.tsx'), groups, /shell\.tsx$/).get(id('util.ts'))).toBe('core');
  });

  it('refuses a group naming a page the entry does not load', () => {
    expect(() => assign(graph, id('main.tsx'), [...groups, { chunk: 'x', pages: ['src/web/routes/missing.tsx'] }])).toThrow(
      /found 3 of the 4 core pages/,
    );
  });
});
