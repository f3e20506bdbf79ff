// The lookup's search text. The input owns it: it is written to the URL (`?q=`, replace) after a
// pause and never read back from the URL while typing, so a slow render cannot drop a keystroke.
// Only a navigation the page did not make itself (Back, a link, another project) sets the text.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';
import { isPageWrite, useSearchParamWriter } from './url-state.ts';

const WRITE_DELAY_MS = 250;

export function useSearchText(param = 'q') {
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const writeParam = useSearchParamWriter();
  // While the page is being left (a row clicked, Enter), a late write must not pull it back.
  const navigating = useNavigation().state !== 'idle';
  const fromUrl = searchParams.get(param) ?? '';
  const [text, setText] = useState(fromUrl);
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    if (!isPageWrite(location.state) && fromUrl !== text) setText(fromUrl);
  }

  const write = useCallback((value: string) => writeParam(param, value || null), [param, writeParam]);

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
