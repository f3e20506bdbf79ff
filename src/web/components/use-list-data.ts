// The lookup's rows: the listed secrets with their tags (one ListResourceInstances read) and their
// health flags. Metadata flags show once the health code is here (list-health.tsx, loaded beside the
// list); version, rotation-task and KMS key flags come from the project's overview query (the same
// sweep the overview page shows, never a second one: the server keeps it 60 s), read without a
// click, and said to be partial while it runs.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ProjectOverview } from '../../shared/console-api.ts';
import type { AllSecrets } from '../api/all-secrets.ts';
import { overviewQuery } from '../api/overview-query.ts';
import { tagsQuery } from '../api/tags-query.ts';
import { useListHealth } from '../lib/use-list-health.ts';
import { buildRows } from '../lib/secret-rows.ts';
import { useNow } from '../lib/use-now.ts';

/** Which of the sweep's flags are known for every secret (the export says it too). */
export interface FlagsChecked {
  versions: boolean;
  tasks: boolean;
  keys: boolean;
}

export const flagsChecked = (overview: ProjectOverview | undefined): FlagsChecked => ({
  versions: Boolean(overview?.complete && !overview.failed.versions),
  tasks: Boolean(overview?.complete && !overview.failed.tasks),
  keys: Boolean(overview?.complete && Object.values(overview.keys ?? {}).every((k) => k.ok)),
});

export function useListData(projectId: string, list: AllSecrets) {
  const sweep = useQuery(overviewQuery(projectId));
  const tags = useQuery(tagsQuery(projectId));
  const now = useNow(60_000);
  const overview = sweep.data;
  const checked = flagsChecked(overview);
  const health = useListHealth();
  const flags = useMemo(
    () => health?.rowHealth({ secrets: list.secrets, versions: overview?.versions, tasks: overview?.tasks, keys: overview?.keys }, now),
    [health, list.secrets, overview, now],
  );
  const rows = useMemo(() => buildRows(list.secrets, tags.data, flags), [list.secrets, tags.data, flags]);
  return {
    rows,
    now,
    tags,
    overview,
    sweepError: sweep.error,
    checked,
    /** A row's flags drawn, once the health code is here. */
    RowBadges: health?.RowBadges,
    /** Whether every secret's version expiry, its last rotation task and its rotation overdue are known. */
    known: { expiry: Boolean(health) && checked.versions, failing: Boolean(health) && checked.tasks, overdue: Boolean(health) },
  };
}
