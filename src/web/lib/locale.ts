// The one language of the page: its words (Lingui's active locale), and the dates and numbers
// among them, so a page never mixes two languages ("2 years ago" on a Chinese page). Intl's
// formatters are costly to build: each is made once per language and options, then reused.
import { i18n } from '@lingui/core';

/** The collation of identifiers (secret and stage names, types): ASCII, ordered alike in every language. */
const LOCALE = 'en';

// One collator: localeCompare with a locale builds one per call, and sorting 10,000 names calls it 130,000 times.
const identifierCollator = new Intl.Collator(LOCALE);
export const compareIdentifiers = (a: string, b: string) => identifierCollator.compare(a, b);

/** The language dates and numbers are written in now: the interface's. */
export const activeLocale = (): string => i18n.locale || 'en';

/** One formatter per language and options, built on first use. */
export function cachedFormatter<T, O = void>(make: (locale: string, options: O) => T): (options: O, locale?: string) => T {
  const cache = new Map<string, T>();
  return (options, locale = activeLocale()) => {
    const key = `${locale} ${JSON.stringify(options)}`;
    let formatter = cache.get(key);
    if (!formatter) cache.set(key, (formatter = make(locale, options)));
    return formatter;
  };
}

const numberFormat = cachedFormatter((locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options));

export const formatNumber = (n: number, options: Intl.NumberFormatOptions = {}) => numberFormat(options).format(n);

const listFormat = cachedFormatter((locale, options: Intl.ListFormatOptions) => new Intl.ListFormat(locale, options));

/** How a list is written inline: "a, b, c" or "a、b、c". */
export const inlineListFormat = (locale?: string) => listFormat({ type: 'conjunction', style: 'narrow' }, locale);

export const formatList = (items: readonly string[]) => inlineListFormat().format(items);
