// Each language's catalog split by where its messages are used, at build: the catalog chunk
// downloaded first keeps only the messages of the entry's chunks (the shell, the layout, what
// every page shares) and of the chunks both groups of core pages import; each group of core pages (the lookup page; the secret, stage and version
// pages) gets the messages of its pages and what they import as one part, a small JSON file per
// language; each other chunk (the overviews, compare, sign-in, the palette, a dialog…) gets the
// rest of its messages as a part of its own. Every dynamic import of such a chunk fetches, beside
// it, its part (a core page: its group's; another chunk: its own and those of the chunks it
// imports), and resolves when all are there: a page or dialog renders with its messages, and
// without one more round trip after its code. With the build's manifest on, it also writes which
// parts each chunk's import fetches (`.vite/catalog-parts.json`), for the first-load measure.
//
// A message is placed by the ids Lingui's macro leaves in each module's code. The build fails when
// a catalog message is named by no module (the ids were not found: a split would lose it) or when
// a dynamic import of a chunk with a part was not found to rewrite; the app reports a message
// missing at run time as a console error, which fails every e2e test.
//
// What breaks it, and how it shows: Lingui's plugin compiling a catalog into anything but
// `export const messages = JSON.parse("…")` (the catalog cannot be read: the build throws); the
// macro leaving messages as anything but `{ id: "…" }` objects (messages named by no module: the
// build fails); the bundler writing a dynamic import as anything but `import("./chunk.js")` (not
// rewritten: the build fails). The planning itself (which message goes to which part) is
// `planParts`, tested on its own in catalog-parts.test.ts.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

type Messages = Record<string, unknown>;

interface Options {
  /** The locales the catalogs are imported as: `src/web/locales/<locale>.po`. */
  locales: readonly string[];
  /** The core pages, in groups: each group's pages (with the chunks they import) fetch one part. */
  pageGroups: readonly PageGroup[];
}

/** The hook the app registers (src/web/i18n/i18n.ts): code written into a rendered chunk cannot import the app's modules by name. */
export const PART_HOOK = 'csms-console.catalog-part';

const placeholder = (locale: string) => `__CSMS_CATALOG_${locale}__`;
// What Lingui's macro leaves of a message: `{ id: "rXQ0vP", … }` (its message text is compiled away).
const MESSAGE_ID = /\bid:\s*"((?:[^"\\]|\\.)+)"/g;

/** Where the build writes, beside its manifest, the parts each chunk's import fetches: `{ "assets/lookup-….js": ["lookup-…"] }`. */
export const PARTS_MAP = '.vite/catalog-parts.json';

export function catalogParts({ locales, pageGroups }: Options): Plugin {
  let withManifest = false;
  const catalogs = new Map<string, Messages>();
  const idsByModule = new Map<string, Set<string>>();
  let plan: ReturnType<typeof planParts> | undefined;
  const localeOf = (id: string) => locales.find((l) => id.endsWith(`/src/web/locales/${l}.po`));

  return {
    name: 'csms-catalog-parts',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      withManifest = Boolean(config.build.manifest);
    },
    buildStart() {
      catalogs.clear();
      idsByModule.clear();
      plan = undefined;
    },
    transform(code, id) {
      const locale = localeOf(id);
      if (locale) {
        // Lingui's plugin compiled the .po into `export const messages = JSON.parse("…")`: keep the
        // messages, and leave a mark where the first catalog's share is written once the chunks are known.
        const compiled = new Function(code.replace(/export\s+const\s+messages\s*=/, 'return '))() as Messages;
        catalogs.set(locale, compiled);
        // Replaced whole; the map points the new code at the catalog, so its bytes count as the catalog's.
        const marked = new MagicString(code).overwrite(
          0,
          code.length,
          `export const messages = JSON.parse(${JSON.stringify(placeholder(locale))});`,
        );
        return { code: marked.toString(), map: marked.generateMap({ source: id, hires: 'boundary' }) };
      }
      if (!/\/src\/web\/.*\.tsx?$/.test(id)) return null;
      const ids = new Set([...code.matchAll(MESSAGE_ID)].map((m) => JSON.parse(`"${m[1]}"`) as string));
      if (ids.size > 0) idsByModule.set(id, ids);
      return null;
    },
    buildEnd(error) {
      if (error) return;
      const named = new Set([...idsByModule.values()].flatMap((ids) => [...ids]));
      for (const [locale, messages] of catalogs) {
        const unplaced = Object.keys(messages).filter((id) => !named.has(id));
        if (unplaced.length > 0)
          this.error(
            `${locale}: ${unplaced.length} catalog messages are named by no module's code (${unplaced.slice(0, 5).join(', ')}): none would be loaded`,
          );
      }
    },
    renderChunk(code, chunk, _options, { chunks }) {
      plan ??= planParts(chunks, idsByModule, catalogs, locales, pageGroups);
      const locale = locales.find((l) => code.includes(placeholder(l)));
      if (locale) {
        const main = Object.fromEntries(Object.entries(catalogs.get(locale)!).filter(([id]) => plan!.mainIds.has(id)));
        const mark = new RegExp(`(["'\`])${placeholder(locale)}\\1`).exec(code)!;
        const withMain = new MagicString(code).overwrite(mark.index, mark.index + mark[0].length, JSON.stringify(JSON.stringify(main)));
        return { code: withMain.toString(), map: withMain.generateMap({ hires: 'boundary' }) };
      }
      // Each dynamic import of a chunk whose code (or that of a chunk it imports) has a part
      // fetches the part beside the chunk, and resolves once both are there.
      const withParts = new MagicString(code);
      const done = new Set<string>();
      for (const match of code.matchAll(/\bimport\("\.\/([^"]+)"\)/g)) {
        const target = posix.join(posix.dirname(chunk.fileName), match[1]!);
        const needed = plan.partsFor(target);
        if (needed.length === 0) continue;
        // Each part by the start of its file names (`<name>-<hash>.<locale>.json`, beside the chunks):
        // src/web/i18n/i18n.ts completes them.
        const list = needed.map((part) => JSON.stringify(part.name)).join(', ');
        withParts.prependLeft(match.index, `globalThis[Symbol.for(${JSON.stringify(PART_HOOK)})]([${list}], `);
        withParts.appendRight(match.index + match[0].length, ')');
        done.add(target);
      }
      const missed = chunk.dynamicImports.filter((target) => plan!.partsFor(target).length > 0 && !done.has(target));
      if (missed.length > 0)
        this.error(`${chunk.fileName}: the dynamic imports of ${missed.join(', ')} were not found to load their catalog parts`);
      return done.size === 0 ? null : { code: withParts.toString(), map: withParts.generateMap({ hires: 'boundary' }) };
    },
    generateBundle(_options, bundle) {
      for (const part of plan?.parts ?? [])
        for (const l of locales) this.emitFile({ type: 'asset', fileName: `assets/${part.name}.${l}.json`, source: part.sources[l]! });
      if (!withManifest || !plan) return;
      // The plan knows the chunks by their names before hashing.
      const fetched = Object.values(bundle).flatMap((output) => {
        const names = output.type === 'chunk' ? plan!.partsFor(output.preliminaryFileName).map((part) => part.name) : [];
        return names.length > 0 ? [[output.fileName, names]] : [];
      });
      this.emitFile({ type: 'asset', fileName: PARTS_MAP, source: `${JSON.stringify(Object.fromEntries(fetched), null, 2)}\n` });
    },
  };
}

interface Part {
  name: string;
  sources: Record<string, string>;
}

export interface ChunkInfo {
  isEntry: boolean;
  facadeModuleId: string | null;
  name: string;
  imports: string[];
  moduleIds: string[];
}

/** Pages a person lands on that share one part: its name, and the pages. */
export interface PageGroup {
  name: string;
  pages: readonly string[];
}

/**
 * The first catalog's messages (those of the entry's chunks and the chunks they import, and of the
 * chunks two groups of core pages reach), each group of core pages' part (the messages of its
 * pages' chunks and the chunks they import, beyond the first catalog's), and each other chunk's part.
 */
export function planParts(
  chunks: Record<string, ChunkInfo>,
  idsByModule: Map<string, Set<string>>,
  catalogs: Map<string, Messages>,
  locales: readonly string[],
  pageGroups: readonly PageGroup[],
) {
  const closure = (root: string, seen = new Set<string>()) => {
    if (seen.has(root) || !chunks[root]) return seen;
    seen.add(root);
    chunks[root].imports.forEach((next) => closure(next, seen));
    return seen;
  };
  const idsOf = (keys: Iterable<string>) =>
    new Set([...keys].flatMap((key) => chunks[key]!.moduleIds.flatMap((m) => [...(idsByModule.get(m) ?? [])])));
  const part = (name: string, ids: Set<string>): Part => {
    const sources = Object.fromEntries(
      locales.map((l) => [l, JSON.stringify(Object.fromEntries(Object.entries(catalogs.get(l)!).filter(([id]) => ids.has(id))))]),
    );
    const hash = createHash('sha256').update(JSON.stringify(sources)).digest('base64url').slice(0, 8);
    return { name: `${name}-${hash}`, sources };
  };

  // The first catalog: the entry's chunks, and the chunks more than one group reaches (a lazy
  // chunk that imports one then needs no group's part).
  const mainChunks = new Set(Object.keys(chunks).flatMap((key) => (chunks[key]!.isEntry ? [...closure(key)] : [])));
  const groups = pageGroups.map((group) => {
    const roots = Object.keys(chunks).filter((key) => group.pages.some((page) => chunks[key]!.facadeModuleId?.endsWith(`/${page}`)));
    if (roots.length !== group.pages.length)
      throw new Error(`catalog parts: found ${roots.length} of the ${group.pages.length} core pages' chunks of "${group.name}"`);
    return { name: group.name, roots, reached: new Set(roots.flatMap((root) => [...closure(root)].filter((key) => !mainChunks.has(key)))) };
  });
  for (const key of new Set(groups.flatMap((g) => [...g.reached])))
    if (groups.filter((g) => g.reached.has(key)).length > 1) mainChunks.add(key);
  const mainIds = idsOf(mainChunks);
  const outside = (ids: Set<string>) => new Set([...ids].filter((id) => !mainIds.has(id)));

  // A chunk one group's pages reach has its messages in that group's part.
  const partOf = new Map<string, Part>();
  const groupPartOf = new Map<string, Part>();
  const parts: Part[] = [];
  for (const group of groups) {
    const reached = [...group.reached].filter((key) => !mainChunks.has(key));
    const groupPart = part(group.name, outside(idsOf(reached)));
    parts.push(groupPart);
    for (const root of group.roots) groupPartOf.set(root, groupPart);
    for (const key of reached) partOf.set(key, groupPart);
  }
  for (const key of Object.keys(chunks)) {
    if (mainChunks.has(key) || partOf.has(key)) continue;
    const own = outside(idsOf([key]));
    if (own.size === 0) continue;
    const chunkPart = part(chunks[key]!.name, own);
    parts.push(chunkPart);
    partOf.set(key, chunkPart);
  }
  // A core page fetches its group's part alone; any other chunk, the parts of what it and its imports hold.
  const partsFor = (key: string): Part[] => {
    const ofGroup = groupPartOf.get(key);
    if (ofGroup) return [ofGroup];
    return [...new Set([...closure(key)].filter((k) => !mainChunks.has(k)).flatMap((k) => partOf.get(k) ?? []))];
  };
  return { mainIds, parts, partsFor };
}
