// The lookup's rows and their filters: a secret with its tags and health flags, the facets it
// can be filtered by (state, type, tag key and value, rotation, version expiry), and how many rows
// each choice would show given the other choices. Pure and fast: each row's searchable text and
// facet values are computed once, so a filter change on 500 rows is a few linear passes.
import type { Flag } from '../../shared/health.ts';
import type { Secret, Tag } from '../../shared/schemas.ts';
import type { RowHealth } from './list-health.tsx';

export const ROTATION_CHOICES = ['on', 'off', 'overdue', 'failing'] as const;
export type RotationChoice = (typeof ROTATION_CHOICES)[number];
export const EXPIRY_CHOICES = ['expired', '7d', '30d'] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

export interface SecretRow {
  secret: Secret;
  /** COMMON when CSMS leaves it out. */
  type: string;
  tags: Tag[];
  /** Most urgent first. */
  flags: Flag[];
  /** The most urgent flag's place in the attention order. */
  attention?: readonly [number, number];
  rotation: RotationChoice[];
  expiry: ExpiryChoice[];
  /** Name, description and tag values, lower case: what the text search reads. */
  text: string;
}

export const FACETS = ['state', 'type', 'tag', 'tagValue', 'rotation', 'expiry'] as const;
export type Facet = (typeof FACETS)[number];

export type ListFilter = { q: string } & Partial<Record<Facet, string>>;

/** The address's name of each facet. */
export const FACET_PARAMS: Record<Facet, string> = {
  state: 'state',
  type: 'type',
  tag: 'tag',
  tagValue: 'tag_value',
  rotation: 'rotation',
  expiry: 'expiry',
};

export function filterFromParams(params: URLSearchParams, q: string): ListFilter {
  const filter: ListFilter = { q };
  for (const facet of FACETS) {
    const value = params.get(FACET_PARAMS[facet]);
    if (value === null) continue;
    // A rotation or expiry choice the list does not know is no filter at all.
    if (facet === 'rotation' && !(ROTATION_CHOICES as readonly string[]).includes(value)) continue;
    if (facet === 'expiry' && !(EXPIRY_CHOICES as readonly string[]).includes(value)) continue;
    if (facet !== 'tagValue' && value === '') continue;
    filter[facet] = value;
  }
  // A tag value means nothing without its key.
  if (filter.tag === undefined) delete filter.tagValue;
  return filter;
}

export const activeFacets = (filter: ListFilter) => FACETS.filter((f) => filter[f] !== undefined);

/** The rows; their flags, rotation overdue or failing and expiry from `health` (list-health.ts),
 * none while it is not known. */
export function buildRows(secrets: Secret[], tagsByName: Map<string, Tag[]> | undefined, health: Map<string, RowHealth> | undefined) {
  return secrets.map((secret): SecretRow => {
    const tags = tagsByName?.get(secret.name) ?? [];
    const found = health?.get(secret.name);
    const rotation: RotationChoice[] = [secret.auto_rotation ? 'on' : 'off'];
    if (found?.overdue) rotation.push('overdue');
    if (found?.failing) rotation.push('failing');
    const text = [secret.name, secret.description ?? '', ...tags.map((t) => t.value ?? '')].join('\n').toLowerCase();
    return {
      secret,
      type: secret.secret_type ?? 'COMMON',
      tags,
      flags: found?.flags ?? [],
      attention: found?.attention,
      rotation,
      expiry: found?.expiry ? [found.expiry] : [],
      text,
    };
  });
}

function valuesOf(row: SecretRow, facet: Facet, filter: ListFilter): readonly string[] {
  switch (facet) {
    case 'state':
      return [row.secret.state];
    case 'type':
      return [row.type];
    case 'tag':
      return row.tags.map((t) => t.key);
    case 'tagValue':
      return row.tags.filter((t) => t.key === filter.tag).map((t) => t.value ?? '');
    case 'rotation':
      return row.rotation;
    case 'expiry':
      return row.expiry;
  }
}

const passes = (row: SecretRow, facet: Facet, filter: ListFilter) => {
  const wanted = filter[facet];
  return wanted === undefined || valuesOf(row, facet, filter).includes(wanted);
};

const matchesText = (row: SecretRow, needle: string) => !needle || row.text.includes(needle);

export function filterRows(rows: SecretRow[], filter: ListFilter): SecretRow[] {
  const needle = filter.q.trim().toLowerCase();
  const facets = activeFacets(filter);
  return rows.filter((row) => matchesText(row, needle) && facets.every((f) => passes(row, f, filter)));
}

export type FacetCounts = Record<Facet, Map<string, number>>;

/**
 * How many rows each choice of each facet would show, with the text and every other facet's
 * choice applied (as a faceted search counts). One pass over the rows.
 */
export function facetCounts(rows: SecretRow[], filter: ListFilter): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  const needle = filter.q.trim().toLowerCase();
  const active = activeFacets(filter);
  // A row's values of one facet are distinct already (one state, one type, a tag key once per
  // secret, rotation and expiry choices built without repeats): no set is needed to count each once.
  const add = (facet: Facet, row: SecretRow) => {
    const facetCounts = counts[facet];
    for (const value of valuesOf(row, facet, filter)) facetCounts.set(value, (facetCounts.get(value) ?? 0) + 1);
  };
  for (const row of rows) {
    if (!matchesText(row, needle)) continue;
    let failing = active.filter((f) => !passes(row, f, filter));
    // A tag value belongs to its key: a row without the key is counted for the keys it has.
    if (failing.includes('tag')) failing = failing.filter((f) => f !== 'tagValue');
    if (failing.length === 0) for (const facet of FACETS) add(facet, row);
    else if (failing.length === 1) add(failing[0]!, row);
  }
  return counts;
}
