// The language of the interface: `?lang=` in a link, else the person's choice (a preference kept
// in localStorage, never a secret), else the browser's languages; English when none is Chinese.
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, never translated: a person who cannot read the page still finds theirs. */
// eslint-disable-next-line lingui/no-unlocalized-strings -- a language's own name
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

const STORAGE_KEY = 'csms-console:lang';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** A language tag as the console understands it: any Chinese becomes zh-CN, anything else en…
 * unless it is not a language the console has at all (null). */
export function localeOf(tag: string): Locale | null {
  const lower = tag.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

export function detectLocale(search: string, stored: string | null, browser: readonly string[]): Locale {
  const asked = new URLSearchParams(search).get('lang');
  const fromLink = asked === null ? null : localeOf(asked);
  if (fromLink) return fromLink;
  if (isLocale(stored)) return stored;
  for (const tag of browser) {
    const found = localeOf(tag);
    if (found) return found;
  }
  return 'en';
}

export function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // A browser that refuses storage keeps the language for this page only.
  }
}
