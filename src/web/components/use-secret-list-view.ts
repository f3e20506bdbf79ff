// What the secret list shows, apart from how: the filter and the order (both kept in the address),
// the rows with their tags and health flags, the counts beside each filter choice, and what a
// filter change, a clear or an export needs.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, type RefObject } from 'react';
import { useSearchParams } from 'react-router';
import type { AllSecrets } from '../api/all-secrets.ts';
import { configQuery } from '../api/config-query.ts';
import { secretQueries } from '../api/secret-queries.ts';
import type { ExportContext } from '../lib/list-export.ts';
import { parseSort, sortedBy, sortParam, type ListSort, type SortKey } from '../lib/list-sort.ts';
import { FACET_PARAMS, FACETS, facetCounts, filterFromParams, filterRows, type Facet, type SecretRow } from '../lib/secret-rows.ts';
import { useSearchParamWriter } from '../lib/url-state.ts';
import { useListData } from './use-list-data.ts';

/** The rows the list shows now, and for which text: what Enter in the name box chooses among. */
export interface ShownSecrets {
  text: string;
  rows: SecretRow[];
}

function useListSort(): [ListSort, (key: SortKey) => void] {
  const [searchParams] = useSearchParams();
  const writeParam = useSearchParamWriter();
  const sort = parseSort(searchParams.get('sort'));
  const sortBy = useCallback(
    (key: SortKey) => void writeParam('sort', sortParam({ key, ascending: sort.key === key ? !sort.ascending : true })),
    [sort.key, sort.ascending, writeParam],
  );
  return [sort, sortBy];
}

export function useSecretListView({
  projectId,
  list,
  text,
  onClearText,
  shownRef,
}: {
  projectId: string;
  list: AllSecrets;
  text: string;
  onClearText: () => void;
  shownRef?: RefObject<ShownSecrets | null>;
}) {
  const [sort, sortBy] = useListSort();
  const [searchParams] = useSearchParams();
  const writeParam = useSearchParamWriter();
  const deferredText = useDeferredValue(text.trim());
  const filter = useMemo(() => filterFromParams(searchParams, deferredText), [searchParams, deferredText]);
  const data = useListData(projectId, list);
  // The counts beside each choice follow the rows, a render later: typing redraws the list first.
  const countsFilter = useDeferredValue(filter);
  const counts = useMemo(() => facetCounts(data.rows, countsFilter), [data.rows, countsFilter]);
  // Sorted once per list and order; a keystroke only filters the sorted rows (filtering keeps the order).
  const sorted = useMemo(() => sortedBy(data.rows, (row) => row, sort), [data.rows, sort]);
  const rows = useMemo(() => filterRows(sorted, filter), [sorted, filter]);
  useEffect(() => {
    if (shownRef) shownRef.current = { text: filter.q, rows };
  }, [shownRef, filter.q, rows]);
  const filtered = Boolean(filter.q) || FACETS.some((f) => filter[f] !== undefined);

  const setFacet = async (facet: Facet, value: string | null) => {
    await writeParam(FACET_PARAMS[facet], value);
    if (facet === 'tag') await writeParam(FACET_PARAMS.tagValue, null);
  };
  const clearFilter = async () => {
    onClearText();
    for (const facet of FACETS) if (searchParams.has(FACET_PARAMS[facet])) await writeParam(FACET_PARAMS[facet], null);
  };

  const queryClient = useQueryClient();
  const { data: config } = useQuery(configQuery);
  const exportContext = (): ExportContext => ({
    project: config?.projects.find((p) => p.id === projectId) ?? { id: projectId, name: projectId, region: '' },
    asOf: queryClient.getQueryState(secretQueries.list(projectId).queryKey)?.dataUpdatedAt || Date.now(),
    flagsAsOf: data.overview?.as_of,
    checked: data.checked,
  });

  return { filter, data, counts, rows, filtered, sort, sortBy, setFacet, clearFilter, exportContext };
}

export type SecretListView = ReturnType<typeof useSecretListView>;
