// The list's order, kept in the address (?sort=state, ?sort=-updated) so Back and a shared link
// keep it. States sort by severity, the worst first, not by their names.
import type { Secret } from '../../shared/schemas.ts';
import { compareIdentifiers } from './locale.ts';

export const SORT_KEYS = ['name', 'state', 'type', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface ListSort {
  key: SortKey;
  ascending: boolean;
}

export const DEFAULT_SORT: ListSort = { key: 'name', ascending: true };

/** The worst first: no value can be read and it is going away, then frozen, disabled, unknown, enabled. */
const SEVERITY: Record<string, number> = { PENDING_DELETE: 0, FROZEN: 1, DISABLED: 2, ENABLED: 4 };
const severity = (state: string) => SEVERITY[state] ?? 3;

export function parseSort(param: string | null): ListSort {
  const ascending = !param?.startsWith('-');
  const key = (ascending ? param : param!.slice(1)) as SortKey;
  return SORT_KEYS.includes(key) ? { key, ascending } : DEFAULT_SORT;
}

/** The parameter for an order; none for the default one. */
export function sortParam(sort: ListSort): string | null {
  if (sort.key === DEFAULT_SORT.key && sort.ascending) return null;
  return `${sort.ascending ? '' : '-'}${sort.key}`;
}

const byName = (a: Secret, b: Secret) => compareIdentifiers(a.name, b.name);

function compareBy(key: SortKey, a: Secret, b: Secret): number {
  switch (key) {
    case 'name':
      return byName(a, b);
    case 'state':
      return severity(a.state) - severity(b.state);
    case 'type':
      return compareIdentifiers(a.secret_type ?? 'COMMON', b.secret_type ?? 'COMMON');
    case 'updated':
      return (a.update_time ?? 0) - (b.update_time ?? 0);
  }
}

/** A copy in the order: by the key, then by name (always A to Z) among equals. */
export function sortedBy<T>(items: readonly T[], secretOf: (item: T) => Secret, sort: ListSort): T[] {
  const direction = sort.ascending ? 1 : -1;
  return items.toSorted((x, y) => {
    const a = secretOf(x);
    const b = secretOf(y);
    return direction * compareBy(sort.key, a, b) || byName(a, b);
  });
}
