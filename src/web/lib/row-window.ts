// Windowing for a list of fixed-height rows that scrolls with the page: which rows to render for
// the part of the list inside the window, and the padding that stands in for the others. Rows of
// one height need no measuring, so no library.
import { useCallback, useSyncExternalStore, type RefObject } from 'react';

export interface RowWindow {
  first: number;
  last: number; // exclusive
  padTop: number;
  padBottom: number;
}

export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): RowWindow {
  const first = Math.max(0, Math.min(count, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.max(first, Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan));
  return { first, last, padTop: first * rowHeight, padBottom: (count - last) * rowHeight };
}

/** The rows of `count` to render in `ref` (the rows' container), from how far the window has scrolled past its top. */
export function useWindowRows(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 12): RowWindow {
  const subscribe = useCallback((onChange: () => void) => {
    window.addEventListener('scroll', onChange, { passive: true });
    window.addEventListener('resize', onChange);
    // What is above the list may change height (a message, an error) without a scroll.
    const resize = new ResizeObserver(onChange);
    resize.observe(document.body);
    return () => {
      window.removeEventListener('scroll', onChange);
      window.removeEventListener('resize', onChange);
      resize.disconnect();
    };
  }, []);
  // A string snapshot: equal positions compare equal, so React re-renders only on a real change.
  const position = useSyncExternalStore(
    subscribe,
    () => `${Math.max(0, Math.round(-(ref.current?.getBoundingClientRect().top ?? 0)))}:${window.innerHeight}`,
  );
  const [scrolledPast, height] = position.split(':').map(Number) as [number, number];
  return rowWindow(scrolledPast, height, rowHeight, count, overscan);
}
