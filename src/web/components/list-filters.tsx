// The list's filters: state, type, tag key and value, rotation, version expiry. Each choice says
// how many secrets it would show with the other choices (and the search text) applied.
import { useLingui } from '@lingui/react/macro';
import { SECRET_STATES } from '../../shared/patterns.ts';
import { EXPIRY_CHOICES, ROTATION_CHOICES, type Facet, type FacetCounts, type ListFilter } from '../lib/secret-rows.ts';
import { stateInfo } from './secret-state-badge.tsx';
import { Button } from './ui/button.tsx';

interface Choice {
  value: string;
  label: string;
  /** Counted only once it is known (the health code here, the overview's sweep read). */
  from?: 'expiry' | 'failing' | 'overdue';
}

/** The "any" choice: no tag value is a lone asterisk. */
const ANY = '*';

const SELECT =
  'h-8 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900 data-chosen:border-blue-600 data-chosen:ring-1 data-chosen:ring-blue-600';

export function ListFilters({
  filter,
  counts,
  known,
  onChange,
  onClear,
}: {
  filter: ListFilter;
  counts: FacetCounts;
  /** Whether the versions' expiry, the last rotation tasks and the rotations overdue are known (else their counts are not said). */
  known: { expiry: boolean; failing: boolean; overdue: boolean };
  onChange: (facet: Facet, value: string | null) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useLingui();
  const number = new Intl.NumberFormat(i18n.locale);
  const keysOf = (facet: Facet, known: readonly string[] = []) => {
    const values = new Set([...known, ...counts[facet].keys()]);
    const chosen = filter[facet];
    if (chosen !== undefined) values.add(chosen);
    return [...values];
  };
  const rotationNames: Record<string, string> = { on: t`On`, off: t`Off`, overdue: t`Overdue`, failing: t`Last rotation failed` };
  const expiryNames: Record<string, string> = { expired: t`Expired`, '7d': t`Within 7 days`, '30d': t`Within 30 days` };
  const facets: { facet: Facet; label: string; any: string; choices: Choice[] }[] = [
    {
      facet: 'state',
      label: t`State`,
      any: t`Any state`,
      choices: keysOf('state', SECRET_STATES).map((v) => ({ value: v, label: stateInfo(v).label })),
    },
    {
      facet: 'type',
      label: t`Type`,
      any: t`Any type`,
      choices: keysOf('type')
        .sort()
        .map((v) => ({ value: v, label: v })),
    },
    {
      facet: 'tag',
      label: t`Tag key`,
      any: t`Any tag`,
      choices: keysOf('tag')
        .sort()
        .map((v) => ({ value: v, label: v })),
    },
    ...(filter.tag !== undefined
      ? [
          {
            facet: 'tagValue' as const,
            label: t`Tag value`,
            any: t`Any value`,
            choices: keysOf('tagValue')
              .sort()
              .map((v) => ({ value: v, label: v === '' ? t`(empty)` : v })),
          },
        ]
      : []),
    {
      facet: 'rotation',
      label: t`Rotation`,
      any: t`Any rotation`,
      choices: ROTATION_CHOICES.map((v) => ({
        value: v,
        label: rotationNames[v]!,
        ...((v === 'failing' || v === 'overdue') && { from: v }),
      })),
    },
    {
      facet: 'expiry',
      label: t`Version expiry`,
      any: t`Any expiry`,
      choices: EXPIRY_CHOICES.map((v) => ({ value: v, label: expiryNames[v]!, from: 'expiry' as const })),
    },
  ];
  const anyChosen = facets.some(({ facet }) => filter[facet] !== undefined);
  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className="sr-only">{t`Filters`}</legend>
      {facets.map(({ facet, label, any, choices }) => (
        // On a phone each filter takes a line, its name beside it: half a line cut "Last rotation failed (1)".
        <label
          key={facet}
          className="grid w-full grid-cols-[6rem_minmax(0,1fr)] items-center gap-x-2 gap-y-0.5 text-xs text-zinc-600 sm:w-44 sm:grid-cols-1 sm:items-stretch dark:text-zinc-400"
        >
          {label}
          <select
            className={SELECT}
            value={filter[facet] ?? ANY}
            data-chosen={filter[facet] !== undefined ? '' : undefined}
            onChange={(e) => onChange(facet, e.target.value === ANY ? null : e.target.value)}
          >
            <option value={ANY}>{any}</option>
            {choices.map((c) => {
              const count = counts[facet].get(c.value) ?? 0;
              const shownCount = c.from && !known[c.from] ? '…' : number.format(count);
              return (
                <option key={c.value} value={c.value}>
                  {`${c.label} (${shownCount})`}
                </option>
              );
            })}
          </select>
        </label>
      ))}
      {anyChosen && (
        <Button variant="ghost" onClick={onClear} aria-keyshortcuts="Escape">
          {t`Clear filters`}
        </Button>
      )}
    </fieldset>
  );
}
