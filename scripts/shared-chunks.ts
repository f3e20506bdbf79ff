// A few chunks for the code the core pages share, instead of the many small chunks the bundler
// would split it into (each one more file to fetch, with its own imports and exports). Each group
// of core pages gets one chunk: the first group's holds the entry's static imports and every module
// one of its pages shares with another page; the next group's holds what its pages share and the
// groups before did not take. So the landing page does not download what only the secret pages
// share. A module only one page reaches stays in that page's chunk; the modules one core page
// shares only with code loaded on demand are one chunk (`lookup-shared`); modules only lazy pages
// (overviews, compare, the palette, dialogs) share are left to the bundler. React's CommonJS
// modules go with the rest: only the bundler's interop helpers, which no group can take, are a
// small chunk of their own (one file more, but less than React in a chunk apart from the code
// that uses it: about 0.7 KB gzip).
//
// What breaks it, and how it shows: Rolldown's `output.codeSplitting.groups` (experimental) changing
// its `name(id, graph)` callback or the graph's `getModuleInfo` (the types below stop compiling, or
// no module is named: the core pages download twenty small chunks again, which the first-load check
// in `npm test` catches as growth); a core page no longer loaded by a dynamic import from the entry
// (the build throws: "found N of the M core pages"). The planning itself is `assign`, tested on its
// own in shared-chunks.test.ts; its dependency `rolldown` is declared in package.json.
import { basename } from 'node:path';
import type { CodeSplittingGroup } from 'rolldown';

export interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;
}

export interface PageGroup {
  /** The chunk's name. */
  chunk: string;
  pages: readonly string[];
}

/**
 * `onDemand`: package modules that only code loaded on demand uses. The graph cannot tell: a
 * package's index imports every module of the package, so each one the app uses anywhere is in the
 * entry's static imports. Left to the bundler, they go with the chunks that use them.
 */
export function sharedChunks(entry: string, groups: readonly PageGroup[], onDemand?: RegExp): CodeSplittingGroup {
  let chunkOf: Map<string, string> | undefined;
  return {
    debugName: 'shared by the core pages',
    // Every import of a module taken is taken too, by the rule above.
    includeDependenciesRecursively: false,
    name: (id, graph) => {
      chunkOf ??= assign(graph as ModuleGraph, `${process.cwd()}/${entry}`, groups, onDemand);
      return chunkOf.get(id) ?? null;
    },
  };
}

/** Which shared chunk each module goes to (absent: the bundler decides). */
export function assign(graph: ModuleGraph, entry: string, groups: readonly PageGroup[], onDemand?: RegExp) {
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
  // Every dynamic import reached from the entry: the pages, lazy components and catalogs.
  const pages = new Set<string>();
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const info = graph.getModuleInfo(id);
    info?.importedIds.forEach(walk);
    for (const lazy of info?.dynamicallyImportedIds ?? []) {
      pages.add(lazy);
      walk(lazy);
    }
  };
  walk(entry);
  const groupOf = (page: string) => groups.findIndex((g) => g.pages.some((p) => page === `${process.cwd()}/${p}`));
  const corePages = [...pages].filter((page) => groupOf(page) >= 0);
  const expected = groups.flatMap((g) => g.pages).length;
  if (corePages.length !== expected) throw new Error(`shared chunks: found ${corePages.length} of the ${expected} core pages`);

  const reachers = new Map<string, string[]>();
  for (const page of pages) for (const id of staticClosure(page)) reachers.set(id, [...(reachers.get(id) ?? []), page]);
  const chunkOf = new Map<string, string>();
  for (const id of staticClosure(entry)) if (id !== entry) chunkOf.set(id, groups[0]!.chunk);
  for (const [id, by] of reachers) {
    // A page itself, and a module loaded on demand, keeps its own chunk. A module one core page
    // shares only with chunks loaded on demand stays out of the shared chunks: the other core
    // pages would download it for nothing. It goes in one chunk with that page's other such
    // modules: each chunk more on a first load costs its own imports, exports and preload entry.
    const corePages = by.filter((page) => groupOf(page) >= 0);
    if (chunkOf.has(id) || pages.has(id) || corePages.length === 0) continue;
    if (corePages.length === 1) {
      if (by.length > 1) chunkOf.set(id, `${basename(corePages[0]!).replace(/\.\w+$/, '')}-shared`);
      continue;
    }
    chunkOf.set(id, groups[Math.min(...corePages.map(groupOf))]!.chunk);
  }
  if (onDemand) for (const id of chunkOf.keys()) if (onDemand.test(id)) chunkOf.delete(id);
  return chunkOf;
}
