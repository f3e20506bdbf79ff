// The keys of every page of the layout: Ctrl/Cmd-K for the command palette, `/` to the page's
// search box and `?` for the shortcuts in effect. Loaded after the page is drawn: no key is needed
// to draw it.
import { useLingui } from '@lingui/react/macro';
import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { useShortcuts } from '../lib/shortcuts.ts';
import type { KeyboardDialog } from './keyboard.tsx';

/** The page's search: a box inside a search landmark. A page without one (a secret page's
 *  Activity filters are no search of the page) takes no "/". */
const SEARCH_BOX = 'main [role="search"] input';
const findSearchBox = () => document.querySelector<HTMLInputElement>(SEARCH_BOX);

export default function KeyboardKeys({ apple, setOpen }: { apple: boolean; setOpen: Dispatch<SetStateAction<KeyboardDialog>> }) {
  const { t } = useLingui();

  // Ctrl/Cmd-K works everywhere, in a field too (a modifier is no typing); again closes.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'k' || e.altKey || e.shiftKey || !(apple ? e.metaKey : e.ctrlKey)) return;
      e.preventDefault();
      setOpen((shown) => (shown === 'palette' ? null : 'palette'));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [apple, setOpen]);

  useShortcuts([
    {
      keys: ['/'],
      label: t`Focus the search box`,
      run: () => findSearchBox()?.focus(),
      // Read when a key is pressed or the list is shown: only a page with a box offers it.
      get disabled() {
        return findSearchBox() === null;
      },
    },
    { keys: ['?'], label: t`Show the keyboard shortcuts`, run: () => setOpen('help') },
  ]);
  return null;
}
