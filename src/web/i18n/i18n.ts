// Loads a language's catalog (its own chunk: only the active one is downloaded) and activates it;
// `<html lang>` follows.
import { i18n } from '@lingui/core';
import type { Locale } from './locale.ts';

const catalogs: Record<Locale, () => Promise<{ messages: Record<string, unknown> }>> = {
  en: () => import('../locales/en.po'),
  'zh-CN': () => import('../locales/zh-CN.po'),
};

export async function activate(locale: Locale) {
  const { messages } = await catalogs[locale]();
  i18n.loadAndActivate({ locale, messages: messages as never });
  document.documentElement.lang = locale;
}

export { i18n };
