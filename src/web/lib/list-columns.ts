// Which optional columns the list shows: a display preference (never a value), kept in
// localStorage like the theme. The name column always shows.
import { useCallback, useState } from 'react';

export const OPTIONAL_COLUMNS = ['state', 'flags', 'type', 'tags', 'updated', 'description'] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

const KEY = 'csms-console:list-columns';
/** Hidden until chosen: the type filter shows the types, and the row has room for the rest. */
const HIDDEN_BY_DEFAULT: OptionalColumn[] = ['type'];

/** The hidden columns as stored; anything unknown in storage is ignored. */
export function parseHidden(stored: string | null): Set<OptionalColumn> {
  if (stored === null) return new Set(HIDDEN_BY_DEFAULT);
  try {
    const parsed: unknown = JSON.parse(stored);
    return new Set(Array.isArray(parsed) ? OPTIONAL_COLUMNS.filter((c) => parsed.includes(c)) : []);
  } catch {
    return new Set();
  }
}

export function useListColumns() {
  const [hidden, setHidden] = useState(() => parseHidden(localStorage.getItem(KEY)));
  const toggle = useCallback((column: OptionalColumn) => {
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(column)) next.add(column);
      localStorage.setItem(KEY, JSON.stringify([...next]));
      return next;
    });
  }, []);
  return { shown: (column: OptionalColumn) => !hidden.has(column), toggle };
}
