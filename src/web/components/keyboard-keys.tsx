// The single keys of every page of the layout: `/` to the page's search box and `?` for the
// shortcuts in effect. Loaded after the page is drawn: no key is needed to draw it (one pressed
// before is run once they are here: shortcuts.ts).
import { useLingui } from '@lingui/react/macro';
import type { Dispatch, SetStateAction } from 'react';
import { useShortcuts } from '../lib/shortcuts.ts';
import type { KeyboardDialog } from './keyboard.tsx';

/** The page's search: a box inside a search landmark. A page without one (a secret page's
 *  Activity filters are no search of the page) takes no "/". */
const SEARCH_BOX = 'main [role="search"] input';
const findSearchBox = () => document.querySelector<HTMLInputElement>(SEARCH_BOX);

export default function KeyboardKeys({ setOpen }: { setOpen: Dispatch<SetStateAction<KeyboardDialog>> }) {
  const { t } = useLingui();

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
