// The utilities only code loaded on demand uses (overviews, compare, the palette, dialogs…) in a
// stylesheet of their own, which loads with that code: the first load does not carry them.
//
// Tailwind writes one sheet for every class of the app. After the build, each utility rule goes
// by where its class is written: in the code of the first load (the entry, the core pages and
// their imports), or only in chunks loaded on demand. The second sheet loads after the first, so
// one of its rules would now win over a first-load rule that came after it in Tailwind's order.
// To keep the cascade exactly Tailwind's, the lazy sheet repeats, in their order, the first-load
// rules that come after one of its rules and set one of the same properties, a shorthand and its
// longhands counted as one (and, in turn, those after a repeated one). A rule whose class is written nowhere stays in the first sheet.
//
// What breaks it, and how it shows: Tailwind no longer writing its utilities in one
// `@layer utilities{…}` block (the split finds no block and leaves the sheet whole: the first-load
// check in `npm test` shows the growth); a class built from pieces at run time (Tailwind itself
// never finds those); Vite no longer reading `viteMetadata.importedCss` when it writes a dynamic
// import's preloads (a lazy page would draw without its classes: the e2e specs of the overviews
// and the palette catch it).
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const UTILITIES = '@layer utilities{';

/** The rules at the top of the utilities layer, and where the layer's text starts and ends. */
export function utilityRules(css: string) {
  const start = css.indexOf(UTILITIES);
  if (start < 0) return null;
  const rules: string[] = [];
  let depth = 0;
  let from = start + UTILITIES.length;
  for (let i = from; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}') {
      if (depth === 0) return { rules, start, end: i + 1 };
      if (--depth === 0) {
        rules.push(css.slice(from, i + 1));
        from = i + 1;
      }
    }
  }
  return null;
}

/** The utility classes a rule styles (unescaped), not the `.dark` its dark variant asks of an ancestor. */
const classesOf = (rule: string) =>
  [...rule.replaceAll(':where(.dark,.dark *)', '').matchAll(/\.((?:[\w-]|\\.)+)(?=[^{}]*\{)/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));

// Properties one of which can set another (a shorthand and its longhands), by their first word.
const FAMILY: Record<string, string> = { top: 'inset', right: 'inset', bottom: 'inset', left: 'inset', row: 'gap', column: 'gap' };
Object.assign(FAMILY, { place: 'align', justify: 'align', line: 'font', text: 'font' });

/** What a rule sets: each property by its family (padding-inline is padding's), a custom property by its name. */
const propertiesOf = (rule: string) =>
  new Set(
    [...rule.matchAll(/[{;](-*[a-z][a-z-]*):/g)].map(([, property]) => {
      if (property!.startsWith('--')) return property!;
      const word = property!.replace(/^-(webkit|moz)-/, '').split('-')[0]!;
      return FAMILY[word] ?? word;
    }),
  );

/**
 * The sheet split in two: `first` without the rules only lazy code uses, `lazy` with them, and
 * after each, the first-load rules that must still win over it. `lazy` is empty when there is
 * nothing to move.
 */
export function splitStyles(css: string, firstLoadCode: string, lazyCode: string) {
  const layer = utilityRules(css);
  if (!layer) return { first: css, lazy: '', moved: [] as string[] };
  const onlyLazy = (rule: string) => {
    const classes = classesOf(rule);
    return classes.length > 0 && !classes.some((c) => firstLoadCode.includes(c)) && classes.some((c) => lazyCode.includes(c));
  };
  const kept: string[] = [];
  const lazy: string[] = [];
  const moved: string[] = [];
  const lazyProperties = new Set<string>();
  for (const rule of layer.rules) {
    const properties = propertiesOf(rule);
    const movesOut = onlyLazy(rule);
    if (movesOut) moved.push(rule);
    else kept.push(rule);
    if (movesOut || [...properties].some((p) => lazyProperties.has(p))) {
      lazy.push(rule);
      for (const p of properties) lazyProperties.add(p);
    }
  }
  if (moved.length === 0) return { first: css, lazy: '', moved };
  return {
    first: `${css.slice(0, layer.start)}${UTILITIES}${kept.join('')}}${css.slice(layer.end)}`,
    lazy: `${UTILITIES}${lazy.join('')}}`,
    moved,
  };
}

const contentHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 8);

/** `firstLoadPages`: the pages a person lands on (their chunks and imports are the first load). */
export function lazyStyles(firstLoadPages: readonly string[]): Plugin {
  return {
    name: 'lazy-styles',
    apply: 'build',
    // After Vite has written the CSS assets, before it writes the dynamic imports' preloads.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const first = new Set<string>();
      const visit = (file: string) => {
        if (first.has(file)) return;
        first.add(file);
        byFile.get(file)?.imports.forEach(visit);
      };
      const pageIds = firstLoadPages.map((p) => `${process.cwd()}/${p}`);
      for (const c of chunks) if (c.isEntry || (c.facadeModuleId && pageIds.includes(c.facadeModuleId))) visit(c.fileName);
      const sheets = new Set([...first].flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]));
      if (sheets.size !== 1) return this.error(`lazy styles: the first load has ${sheets.size} stylesheets, not 1`);
      const [sheetFile] = sheets as Set<string>;
      const sheet = bundle[sheetFile!];
      if (sheet?.type !== 'asset') return this.error(`lazy styles: ${sheetFile} is not in the bundle`);
      const lazyChunks = chunks.filter((c) => !first.has(c.fileName));
      const split = splitStyles(
        String(sheet.source),
        [...first].map((f) => byFile.get(f)?.code ?? '').join('\n'),
        lazyChunks.map((c) => c.code).join('\n'),
      );
      if (!split.lazy) return;

      // New names from the new contents: the assets are cached as immutable.
      const firstFile = sheetFile!.replace(/-[\w-]+\.css$/, `-${contentHash(split.first)}.css`);
      const lazyFile = sheetFile!.replace(/[^/]+$/, `lazy-${contentHash(split.lazy)}.css`);
      delete bundle[sheetFile!];
      this.emitFile({ type: 'asset', fileName: firstFile, source: split.first });
      this.emitFile({ type: 'asset', fileName: lazyFile, source: split.lazy });
      for (const c of chunks) {
        const css = c.viteMetadata?.importedCss;
        if (css?.delete(sheetFile!)) css.add(firstFile);
      }
      for (const asset of Object.values(bundle))
        if (asset.type === 'asset' && asset.fileName.endsWith('.html'))
          asset.source = String(asset.source).replaceAll(sheetFile!, firstFile);
      // Each chunk that writes one of the moved classes loads the sheet before it runs.
      const movedClasses = split.moved.flatMap(classesOf);
      for (const c of lazyChunks) if (movedClasses.some((m) => c.code.includes(m))) c.viteMetadata?.importedCss.add(lazyFile);
    },
  };
}
