// Loads a language's catalog (its own chunk: only the active one is downloaded) and activates it;
// `<html lang>` follows. The build splits each catalog (scripts/catalog-parts.ts): this chunk holds
// the messages of the core pages; a lazy chunk (an overview, compare, the palette…) brings the
// rest of its messages as a part it loads through `loadPart` before its code runs.
import { i18n, type Messages } from '@lingui/core';
import type { Locale } from './locale.ts';

type CatalogLoaders = Record<Locale, () => Promise<{ messages: Messages }>>;

const catalogs: CatalogLoaders = {
  en: () => import('../locales/en.po') as Promise<{ messages: Messages }>,
  'zh-CN': () => import('../locales/zh-CN.po') as Promise<{ messages: Messages }>,
};

// The parts of the lazy chunks loaded so far: a switch of language loads each again in the new one.
const parts: CatalogLoaders[] = [];
let activation: Promise<void> | undefined;
let target: Locale | undefined;
let started: () => void;
const firstActivation = new Promise<void>((resolve) => (started = resolve));

export function activate(locale: Locale) {
  target = locale;
  started();
  activation = (async () => {
    const loaded = await Promise.all([catalogs[locale](), ...parts.map((part) => part[locale]())]);
    if (target !== locale) return; // a later switch won
    for (const { messages } of loaded) i18n.load(locale, messages);
    i18n.activate(locale);
    document.documentElement.lang = locale;
  })();
  return activation;
}

/** A lazy chunk's share of the catalog, in the language being activated, merged before the chunk's code runs. */
async function loadPart(part: CatalogLoaders) {
  parts.push(part);
  await firstActivation;
  // Fetched beside the catalog being activated (not after it); a switch started meanwhile loads it too.
  const locale = target!;
  const [{ messages }] = await Promise.all([part[locale](), activation]);
  i18n.load(locale, messages);
}

(globalThis as Record<symbol, unknown>)[Symbol.for('csms-console.catalog-part')] = loadPart;

// A message the active catalog lacks would show its id: say so where every end-to-end test looks.
i18n.on('missing', ({ id, locale }) => console.error(`The ${locale} catalog has no message ${id}.`));

export { i18n };
