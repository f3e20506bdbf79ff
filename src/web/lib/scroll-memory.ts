// Where the window was scrolled on each history entry, kept in memory only (nothing in
// sessionStorage: a sign-out must leave nothing behind): a new page opens at the top, Back and
// Forward return to where the page was, and the page's own address writes do not move it.
import { useEffect, useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { isPageWrite } from './url-state.ts';

const positions = new Map<string, number>();
/** The entry shown: scrolling is recorded for it (set before the page's own scroll-to-top). */
let shownKey = '';

export function useScrollMemory() {
  const location = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    let frame = 0;
    const save = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => positions.set(shownKey, window.scrollY));
    };
    window.addEventListener('scroll', save, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', save);
    };
  }, []);

  // After the page's layout (rows included), before it is painted.
  useLayoutEffect(() => {
    const previous = shownKey;
    shownKey = location.key;
    // A write of the page's own state (search, order) is the same page: it stays where it is.
    if (isPageWrite(location.state)) return void positions.set(location.key, positions.get(previous) ?? window.scrollY);
    window.scrollTo(0, navigationType === 'POP' ? (positions.get(location.key) ?? 0) : 0);
  }, [location.key, location.state, navigationType]);
}
