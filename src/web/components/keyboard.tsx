// The keyboard on every page of the layout: the command palette (Ctrl/Cmd-K, or the header's
// button), `/` to the page's search box and `?` for the shortcuts in effect. Ctrl/Cmd-K is here
// from the start (the browser's own Ctrl-K would take it otherwise); the single keys load after the
// page is drawn; the palette and the help are their own chunks, loaded the first time they open.
import { useLingui } from '@lingui/react/macro';
import { lazy, Suspense, useEffect, useState } from 'react';
import { optional } from '../lib/optional-code.tsx';
import { Button } from './ui/button.tsx';

const KeyboardKeys = lazy(optional(() => import('./keyboard-keys.tsx')));
const CommandPalette = lazy(() => import('./command-palette.tsx'));
const ShortcutsHelp = lazy(() => import('./shortcuts-help.tsx'));

// Key names, as printed on the keys: not words to translate.
/* eslint-disable lingui/no-unlocalized-strings -- key names */
const APPLE_PALETTE_KEYS = ['⌘', 'K'];
const PALETTE_KEYS = ['Ctrl', 'K'];
const ARIA_PALETTE_KEYS = { apple: 'Meta+K', other: 'Control+K' };
/* eslint-enable lingui/no-unlocalized-strings */

const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export type KeyboardDialog = 'palette' | 'help' | null;

export function KeyboardControls() {
  const { t } = useLingui();
  const [open, setOpen] = useState<KeyboardDialog>(null);
  const apple = isApple();
  const paletteKeys = apple ? APPLE_PALETTE_KEYS : PALETTE_KEYS;

  // Ctrl/Cmd-K works everywhere, in a field too (a modifier is no typing); again closes.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'k' || e.altKey || e.shiftKey || !(apple ? e.metaKey : e.ctrlKey)) return;
      e.preventDefault();
      setOpen((shown) => (shown === 'palette' ? null : 'palette'));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [apple]);

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen('palette')}
        aria-keyshortcuts={apple ? ARIA_PALETTE_KEYS.apple : ARIA_PALETTE_KEYS.other}
        aria-haspopup="dialog"
      >
        <span aria-hidden="true">⌕</span>
        <span className="max-sm:sr-only">{t`Go to…`}</span>
        <kbd aria-hidden="true" className="hidden font-mono text-xs text-zinc-500 pointer-fine:inline dark:text-zinc-400">
          {paletteKeys.join(apple ? '' : ' ')}
        </kbd>
      </Button>
      <Suspense fallback={null}>
        <KeyboardKeys setOpen={setOpen} />
      </Suspense>
      {open && (
        <Suspense fallback={null}>
          {open === 'palette' ? (
            <CommandPalette onClose={() => setOpen(null)} onShowShortcuts={() => setOpen('help')} />
          ) : (
            <ShortcutsHelp onClose={() => setOpen(null)} paletteKeys={paletteKeys} />
          )}
        </Suspense>
      )}
    </>
  );
}
