// The list's order, kept in the address (?sort=state, ?sort=-updated) so Back and a shared link
// keep it. States sort by severity, the worst first, not by their names.
import type { Secret } from '../../csms/schemas.ts';
import { LOCALE } from './locale.ts';

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

const byName = (a: Secret, b: Secret) => a.name.localeCompare(b.name, LOCALE);

function compareBy(key: SortKey, a: Secret, b: Secret): number {
  switch (key) {
    case 'name':
      return byName(a, b);
    case 'state':
      return severity(a.state) - severity(b.state);
    case 'type':
      return (a.secret_type ?? 'COMMON').localeCompare(b.secret_type ?? 'COMMON', LOCALE);
    case 'updated':
      return (a.update_time ?? 0) - (b.update_time ?? 0);
  }
}

/** Sorts in place: by the key, then by name (always A to Z) among equals. */
export function sortSecrets(secrets: Secret[], sort: ListSort): Secret[] {
  return secrets.sort((a, b) => (sort.ascending ? 1 : -1) * compareBy(sort.key, a, b) || byName(a, b));
}
