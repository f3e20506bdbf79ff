// The lookup's health code (list-health.tsx), loaded once, as the list is first drawn (its rows
// need none of it), and used once it is here. A load that failed is tried again at the
// list's next use, its flags unknown meanwhile.
import { useEffect, useState } from 'react';

type ListHealth = typeof import('./list-health.tsx');
/** Kept once loaded: a list drawn again has its flags at once. */
let loaded: ListHealth | undefined;

/** The health code, once loaded (undefined until then). */
export function useListHealth(): ListHealth | undefined {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module) return;
    let current = true;
    import('./list-health.tsx').then(
      (found) => {
        loaded = found;
        if (current) setModule(found);
      },
      () => undefined,
    );
    return () => void (current = false);
  }, [module]);
  return module;
}
