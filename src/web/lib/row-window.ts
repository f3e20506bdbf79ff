// Windowing for a list of fixed-height rows: which rows to render for a scroll position, and the
// padding that stands in for the others. Rows of one height need no measuring, so no library.
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

/** The rows of `count` to render inside the scrolling element `ref`. */
export function useRowWindow(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 12): RowWindow {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const element = ref.current;
      if (!element) return () => {};
      element.addEventListener('scroll', onChange, { passive: true });
      const resize = new ResizeObserver(onChange);
      resize.observe(element);
      return () => {
        element.removeEventListener('scroll', onChange);
        resize.disconnect();
      };
    },
    [ref],
  );
  // A string snapshot: equal positions compare equal, so React re-renders only on a real change.
  const position = useSyncExternalStore(subscribe, () => `${ref.current?.scrollTop ?? 0}:${ref.current?.clientHeight ?? 0}`);
  const [scrollTop, height] = position.split(':').map(Number) as [number, number];
  // Before the element is measured, render one screenful rather than nothing.
  return rowWindow(scrollTop, height || 800, rowHeight, count, overscan);
}
