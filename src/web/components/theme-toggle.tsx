// Light, dark, or the system's choice (the default). The choice is a display preference, the one
// thing this app keeps in localStorage.
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Button } from './ui/button.tsx';

type Theme = 'system' | 'light' | 'dark';
const KEY = 'csms-console:theme';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

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

const NAMES = { system: msg`System`, light: msg`Light`, dark: msg`Dark` };

export function ThemeToggle() {
  const { t, i18n } = useLingui();
  const [theme, setTheme] = useState(storedTheme);
  const choose = () => {
    const next = NEXT[theme];
    if (next === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
    applyStoredTheme(next);
    setTheme(next);
  };
  return (
    <Button
      variant="ghost"
      onClick={choose}
      aria-label={t`Theme: ${i18n._(NAMES[theme])}. Switch to ${i18n._(NAMES[NEXT[theme]])}`}
      title={t`Switch theme`}
    >
      {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'} {i18n._(NAMES[theme])}
    </Button>
  );
}
