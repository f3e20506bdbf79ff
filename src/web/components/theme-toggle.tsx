// Light, dark, or the system's choice (the default). The choice is a display preference, kept in
// localStorage; the header's button and the command palette change it alike.
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useSyncExternalStore } from 'react';
import { Button } from './ui/button.tsx';

type Theme = 'system' | 'light' | 'dark';
const KEY = 'csms-console:theme';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const listeners = new Set<() => void>();

function storedTheme(): Theme {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

export function applyStoredTheme(theme: Theme = storedTheme()) {
  document.documentElement.classList.toggle('dark', theme === 'dark' || (theme === 'system' && systemDark.matches));
}

// With no choice made, follow the system live (e.g. when it switches at sunset).
systemDark.addEventListener('change', () => applyStoredTheme());

/** Moves to the next theme: system, light, dark, and round again. */
export function cycleTheme() {
  const next = NEXT[storedTheme()];
  if (next === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, next);
  applyStoredTheme(next);
  listeners.forEach((notify) => notify());
}

const useTheme = () =>
  useSyncExternalStore((notify) => {
    listeners.add(notify);
    return () => listeners.delete(notify);
  }, storedTheme);

export const THEME_NAMES = { system: msg`System`, light: msg`Light`, dark: msg`Dark` };

/** What the next theme is, for the palette's action. */
export const nextThemeName = () => THEME_NAMES[NEXT[storedTheme()]];

export function ThemeToggle() {
  const { t, i18n } = useLingui();
  const theme = useTheme();
  const current = i18n._(THEME_NAMES[theme]);
  const next = i18n._(THEME_NAMES[NEXT[theme]]);
  return (
    <Button variant="ghost" onClick={cycleTheme} aria-label={t`Theme: ${current}. Switch to ${next}`} title={t`Switch theme`}>
      <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
      {/* On a narrow screen the symbol alone: the header stays one row. */}
      <span className="max-sm:sr-only">{current}</span>
    </Button>
  );
}
