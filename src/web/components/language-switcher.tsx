// The interface's language, English or 简体中文: a preference kept in this browser (never a secret).
// The page is drawn again in place (nothing reloads, a typed text or a revealed value stays), and
// <html lang> follows. A ?lang= in the address gives way to the choice made here.
import { useLingui } from '@lingui/react/macro';
import { useCallback } from 'react';
import { activate } from '../i18n/i18n.ts';
import { isLocale, LOCALE_NAMES, LOCALES, storeLocale, type Locale } from '../i18n/locale.ts';
import { useSearchParamWriter } from '../lib/url-state.ts';

/** Switches the interface to a language and keeps the choice. */
export function useSwitchLocale() {
  const writeParam = useSearchParamWriter();
  return useCallback(
    async (locale: Locale) => {
      storeLocale(locale);
      await activate(locale);
      if (new URLSearchParams(window.location.search).has('lang')) await writeParam('lang', null);
    },
    [writeParam],
  );
}

export function LanguageSwitcher() {
  const { t, i18n } = useLingui();
  const switchLocale = useSwitchLocale();
  return (
    <label className="flex items-center text-sm">
      <span className="sr-only">{t`Language`}</span>
      <select
        className="h-8 rounded-md border border-zinc-300 bg-white px-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        value={i18n.locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) void switchLocale(e.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          // Each language named in itself, so a person who cannot read the page still finds theirs.
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
