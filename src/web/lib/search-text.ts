// The lookup's search text. The input owns it: it is written to the URL (`?q=`, replace) after a
// pause and never read back from the URL while typing, so a slow render cannot drop a keystroke.
// Only a navigation this hook did not make (Back, a link, another project) sets the text.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useNavigation, useSearchParams } from 'react-router';

const WRITE_DELAY_MS = 250;
/** Marks the history entries this hook wrote, so it does not take them back as new text. */
const OWN_WRITE = { searchText: true };

const isOwnWrite = (state: unknown) => typeof state === 'object' && state !== null && 'searchText' in state;

export function useSearchText(param = 'q') {
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  // While the page is being left (a row clicked, Enter), a late write must not pull it back.
  const navigating = useNavigation().state !== 'idle';
  const fromUrl = searchParams.get(param) ?? '';
  const [text, setText] = useState(fromUrl);
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    if (!isOwnWrite(location.state) && fromUrl !== text) setText(fromUrl);
  }

  const write = useCallback(
    async (value: string) => {
      const next = new URLSearchParams(searchParams);
      if (value) next.set(param, value);
      else next.delete(param);
      await navigate({ search: next.toString() }, { replace: true, preventScrollReset: true, state: OWN_WRITE });
    },
    [param, searchParams, navigate],
  );

  const pendingWrite = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (text === fromUrl || navigating) return;
    pendingWrite.current = setTimeout(() => void write(text), WRITE_DELAY_MS);
    return () => clearTimeout(pendingWrite.current);
  }, [text, fromUrl, navigating, write]);

  /** Writes the text to the URL now (await it before leaving the page, so Back finds it there). */
  const flush = useCallback(async () => {
    clearTimeout(pendingWrite.current);
    if (text !== fromUrl) await write(text);
  }, [text, fromUrl, write]);

  return { text, setText, flush };
}
