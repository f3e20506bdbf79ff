// The page's own state kept in the address (the search text, the list's order): written with
// replace (no history entry, no scroll to the top) and marked, so the page can tell its own writes
// from a navigation (Back, a link) that should set that state.
import { useCallback } from 'react';
import { useNavigate } from 'react-router';

const PAGE_WRITE = { pageWrite: true };

export const isPageWrite = (state: unknown) => typeof state === 'object' && state !== null && 'pageWrite' in state;

/**
 * Sets (or, with null, removes) one parameter of the address; resolves once it is written. It
 * starts from the address as it is now, not as it was at the last render: a sort clicked while a
 * search write waits must not lose either.
 */
export function useSearchParamWriter() {
  const navigate = useNavigate();
  return useCallback(
    async (param: string, value: string | null) => {
      const next = new URLSearchParams(window.location.search);
      if (value) next.set(param, value);
      else next.delete(param);
      await navigate({ search: next.toString() }, { replace: true, preventScrollReset: true, state: PAGE_WRITE });
    },
    [navigate],
  );
}
