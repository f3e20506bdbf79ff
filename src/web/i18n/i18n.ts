// Loads a language's catalog (its own chunk: only the active one is downloaded) and activates it;
// `<html lang>` follows. The build splits each catalog (scripts/catalog-parts.ts): this chunk holds
// the messages of what every page shows; a page (the lookup page, a secret page) or a lazy chunk
// (an overview, compare, the palette…) comes with parts of its own, which its dynamic import
// fetches beside the code through `withParts`.
import { i18n, type Messages } from '@lingui/core';
import type { Locale } from './locale.ts';

const catalogs: Record<Locale, () => Promise<{ messages: Messages }>> = {
  en: () => import('../locales/en.po') as Promise<{ messages: Messages }>,
  'zh-CN': () => import('../locales/zh-CN.po') as Promise<{ messages: Messages }>,
};

/** A chunk's share of the catalog: `<part>.<locale>.json` beside this module's chunk is its file in each language. */
type Part = string;

// The parts loaded so far: a switch of language loads each again in the new one.
const parts = new Set<Part>();
const partsLoading = new Map<string, Promise<void>>();
let target: Locale | undefined;
let started: () => void;
const firstActivation = new Promise<void>((resolve) => (started = resolve));

export async function activate(locale: Locale) {
  target = locale;
  started();
  const [{ messages }] = await Promise.all([catalogs[locale](), ...[...parts.values()].map((part) => loadPart(part, locale))]);
  if (target !== locale) return; // a later switch won
  i18n.load(locale, messages);
  i18n.activate(locale);
  document.documentElement.lang = locale;
}

function loadPart(part: Part, locale: Locale) {
  const file = `${part}.${locale}.json`;
  let loading = partsLoading.get(file);
  if (!loading) {
    loading = fetch(new URL(file, import.meta.url)).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} ${file}`);
      i18n.load(locale, (await response.json()) as Messages);
    });
    // A part that failed (offline) is fetched again at the next try.
    loading.catch(() => partsLoading.delete(file));
    partsLoading.set(file, loading);
  }
  return loading;
}

/** A chunk's module once it and its parts, in the language being activated, are there. */
async function withParts<T>(wanted: Part[], module: Promise<T>): Promise<T> {
  for (const part of wanted) parts.add(part);
  await firstActivation;
  const [loaded] = await Promise.all([module, ...wanted.map((part) => loadPart(part, target!))]);
  return loaded;
}

// Before the router, which starts the first page's import as it is created (main.tsx imports this first).
(globalThis as Record<symbol, unknown>)[Symbol.for('csms-console.catalog-part')] = withParts;

// A message the active catalog lacks would show its id: say so where every end-to-end test looks.
i18n.on('missing', ({ id, locale }) => console.error(`The ${locale} catalog has no message ${id}.`));

export { i18n };
