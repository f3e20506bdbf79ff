// The lookup's rows: the listed secrets with their tags (one ListResourceInstances read) and their
// health flags. Metadata flags show at once; version and rotation-task flags come from the
// project's overview query (the same sweep the overview page shows, never a second one), read
// when it is already here, when a filter needs it, or when the person asks for it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { flagsBySecret } from '../../csms/health.ts';
import type { AllSecrets } from '../api/all-secrets.ts';
import { overviewQuery } from '../api/overview-query.ts';
import { tagsQuery } from '../api/tags-query.ts';
import { buildRows, type ListFilter } from '../lib/secret-rows.ts';
import { useNow } from '../lib/use-now.ts';

export function useListData(projectId: string, list: AllSecrets, filter: ListFilter) {
  const queryClient = useQueryClient();
  const [asked, setAsked] = useState(false);
  const overviewKey = overviewQuery(projectId).queryKey;
  const needsSweep = asked || filter.rotation === 'failing' || filter.expiry !== undefined;
  const sweep = useQuery({ ...overviewQuery(projectId), enabled: needsSweep || queryClient.getQueryData(overviewKey) !== undefined });
  const tags = useQuery(tagsQuery(projectId));
  const now = useNow(60_000);
  const overview = sweep.data;
  const flags = useMemo(
    () => flagsBySecret({ secrets: list.secrets, versions: overview?.versions, tasks: overview?.tasks }, now),
    [list.secrets, overview, now],
  );
  const rows = useMemo(() => buildRows(list.secrets, tags.data, flags, now), [list.secrets, tags.data, flags, now]);
  return {
    rows,
    now,
    tags,
    overview,
    sweepError: sweep.error,
    /** Whether every secret's version expiry, and its last rotation task, is known. */
    known: {
      expiry: Boolean(overview?.complete && !overview.failed.versions),
      failing: Boolean(overview?.complete && !overview.failed.tasks),
    },
    checkSweep: () => setAsked(true),
  };
}
