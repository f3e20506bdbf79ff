// The list's order, kept in the address (?sort=state, ?sort=-updated) so Back and a shared link
// keep it. States sort by severity, the worst first, not by their names; attention by the most
// urgent health flag of each secret, as the overview orders them, secrets with none last.
import type { Secret } from '../../shared/schemas.ts';
import { compareIdentifiers } from './locale.ts';

export const SORT_KEYS = ['name', 'state', 'attention', 'type', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** What a row is sorted by: its secret, and its most urgent flag's place in the attention order
 * (list-health.tsx's `urgencyOf`) where it has one. */
export interface SortableRow {
  secret: Secret;
  attention?: readonly [number, number];
}
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

/** As health.ts's `byUrgency` orders the rows' most urgent flags; secrets without one last. */
function byAttention(x: SortableRow, y: SortableRow): number {
  const a = x.attention;
  const b = y.attention;
  if (!a || !b) return Number(!a) - Number(!b);
  return a[0] - b[0] || a[1] - b[1] || x.secret.name.localeCompare(y.secret.name);
}

function compareBy(key: SortKey, x: SortableRow, y: SortableRow): number {
  const a = x.secret;
  const b = y.secret;
  switch (key) {
    case 'attention':
      return byAttention(x, y);
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
export function sortedBy<T>(items: readonly T[], rowOf: (item: T) => SortableRow, sort: ListSort): T[] {
  const direction = sort.ascending ? 1 : -1;
  return items.toSorted((x, y) => {
    const a = rowOf(x);
    const b = rowOf(y);
    return direction * compareBy(sort.key, a, b) || byName(a.secret, b.secret);
  });
}
