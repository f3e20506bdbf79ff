// Each language's catalog split by where its messages are used, at build: the catalog chunk a page
// downloads first keeps only the messages of the code loaded with the core pages (the entry, the
// lookup, secret, stage and version pages, and what they import); each other chunk (the overviews,
// compare, the palette, dialogs…) gets the rest of its messages as a small part of its own, which
// it loads before its code runs (a top-level await at its head), so nothing renders with a raw id.
//
// A message is placed by the ids Lingui's macro leaves in each module's code. The build fails when
// a catalog message is named by no module (the ids were not found: a split would lose it), and the
// app reports any message missing at run time as a console error, which fails every e2e test.
import { createHash } from 'node:crypto';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

type Messages = Record<string, unknown>;

interface Options {
  /** The locales the catalogs are imported as: `src/web/locales/<locale>.po`. */
  locales: readonly string[];
  /** The pages whose messages (and those of what they import) come with the first catalog. */
  corePages: readonly string[];
}

/** The hook the app registers (src/web/i18n/i18n.ts): a chunk's code cannot import the app's modules by name. */
export const PART_HOOK = 'csms-console.catalog-part';

const placeholder = (locale: string) => `__CSMS_CATALOG_${locale}__`;
// What Lingui's macro leaves of a message: `{ id: "rXQ0vP", … }` (its message text is compiled away).
const MESSAGE_ID = /\bid:\s*"((?:[^"\\]|\\.)+)"/g;

export function catalogParts({ locales, corePages }: Options): Plugin {
  const catalogs = new Map<string, Messages>();
  const idsByModule = new Map<string, Set<string>>();
  const parts = new Map<string, string>();
  let mainIds: Set<string> | undefined;
  const localeOf = (id: string) => locales.find((l) => id.endsWith(`/src/web/locales/${l}.po`));

  return {
    name: 'csms-catalog-parts',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      catalogs.clear();
      idsByModule.clear();
      parts.clear();
      mainIds = undefined;
    },
    transform(code, id) {
      const locale = localeOf(id);
      if (locale) {
        // Lingui's plugin compiled the .po into `export const messages = JSON.parse("…")`: keep the
        // messages, and leave a mark where the chunk's own share is written once the chunks are known.
        const compiled = new Function(code.replace(/export\s+const\s+messages\s*=/, 'return '))() as Messages;
        catalogs.set(locale, compiled);
        return { code: `export const messages = JSON.parse(${JSON.stringify(placeholder(locale))});`, map: null };
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
      mainIds ??= firstLoadIds(chunks, corePages, idsByModule);
      const locale = locales.find((l) => code.includes(placeholder(l)));
      if (locale) {
        const main = Object.fromEntries(Object.entries(catalogs.get(locale)!).filter(([id]) => mainIds!.has(id)));
        return code.replace(new RegExp(`(["'\`])${placeholder(locale)}\\1`), JSON.stringify(JSON.stringify(main)));
      }
      const own = new Set(chunk.moduleIds.flatMap((m) => [...(idsByModule.get(m) ?? [])]).filter((id) => !mainIds!.has(id)));
      if (own.size === 0) return null;
      const loaders = locales.map((l) => {
        const messages = Object.fromEntries(Object.entries(catalogs.get(l)!).filter(([id]) => own.has(id)));
        const source = `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(messages))});\n`;
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        const fileName = `assets/${chunk.name}.${l}-${hash}.js`;
        parts.set(fileName, source);
        return `${JSON.stringify(l)}: () => import(${JSON.stringify(`./${fileName.split('/').pop()!}`)})`;
      });
      const withPart = new MagicString(code).prepend(
        `await globalThis[Symbol.for(${JSON.stringify(PART_HOOK)})]({ ${loaders.join(', ')} });\n`,
      );
      return { code: withPart.toString(), map: withPart.generateMap({ hires: 'boundary' }) };
    },
    generateBundle() {
      for (const [fileName, source] of parts) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

/** The ids of the messages in the chunks loaded with the core pages: the entry's and each core page's, and their static imports. */
function firstLoadIds(
  chunks: Record<string, { isEntry: boolean; facadeModuleId: string | null; imports: string[]; moduleIds: string[] }>,
  corePages: readonly string[],
  idsByModule: Map<string, Set<string>>,
) {
  const all = Object.entries(chunks);
  const roots = all.filter(([, c]) => c.isEntry || corePages.some((page) => c.facadeModuleId?.endsWith(`/${page}`))).map(([name]) => name);
  if (roots.length !== corePages.length + 1)
    throw new Error(`catalog parts: found ${roots.length - 1} of the ${corePages.length} core pages' chunks`);
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !chunks[name]) return;
    seen.add(name);
    chunks[name].imports.forEach(visit);
  };
  roots.forEach(visit);
  return new Set([...seen].flatMap((name) => chunks[name]!.moduleIds.flatMap((m) => [...(idsByModule.get(m) ?? [])])));
}
