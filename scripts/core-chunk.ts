// One chunk for the code the core pages share, instead of the many small chunks the bundler would
// split it into (each one more file to fetch, with its own imports and exports): the entry's static
// imports, and every module that more than one page (core or lazy) reaches by static imports,
// except what only lazy pages reach. A module only one page reaches stays in that page's chunk;
// the lazy pages (overviews, compare, the palette, dialogs) keep theirs.
import type { CodeSplittingGroup } from 'rolldown';

interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;
}

const COMMONJS = /node_modules[\\/](react|react-dom|scheduler)[\\/]/;

export function coreChunk(entry: string, corePages: readonly string[]): CodeSplittingGroup {
  let core: Set<string> | undefined;
  return {
    debugName: 'core',
    includeDependenciesRecursively: false,
    name: (id, graph) => {
      core ??= coreModules(graph as ModuleGraph, `${process.cwd()}/${entry}`, corePages);
      // React's CommonJS modules stay with the bundler's interop helpers, which no group can take.
      return core.has(id) && !COMMONJS.test(id) ? 'core' : null;
    },
  };
}

function coreModules(graph: ModuleGraph, entry: string, corePages: readonly string[]) {
  const staticClosure = (root: string) => {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      graph.getModuleInfo(id)?.importedIds.forEach(visit);
    };
    visit(root);
    return seen;
  };
  // Every module, from the entry through static and dynamic imports; the dynamic ones are the pages.
  const pages = new Set<string>();
  const all = new Set<string>();
  const walk = (id: string) => {
    if (all.has(id)) return;
    all.add(id);
    const info = graph.getModuleInfo(id);
    if (!info) return;
    info.importedIds.forEach(walk);
    for (const lazy of info.dynamicallyImportedIds) {
      pages.add(lazy);
      walk(lazy);
    }
  };
  walk(entry);
  const isCore = (id: string) => corePages.some((page) => id.endsWith(`/${page}`));
  const found = [...pages].filter(isCore).length;
  if (found !== corePages.length) throw new Error(`core chunk: found ${found} of the ${corePages.length} core pages`);
  const reachedBy = new Map<string, { core: number; lazy: number }>();
  for (const page of pages)
    for (const id of staticClosure(page)) {
      const count = reachedBy.get(id) ?? { core: 0, lazy: 0 };
      if (isCore(page)) count.core++;
      else count.lazy++;
      reachedBy.set(id, count);
    }
  const core = new Set<string>();
  for (const id of staticClosure(entry)) if (id !== entry) core.add(id);
  for (const [id, { core: coreCount, lazy }] of reachedBy) if (!pages.has(id) && coreCount > 0 && coreCount + lazy > 1) core.add(id);
  return core;
}
