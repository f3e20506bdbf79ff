// The tab's title: what the page shows, then its project, then the console:
// "prod-mysql-orders · SYSCURRENT · cn-north-4_production — CSMS console".
import { useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { configQuery } from '../api/config-query.ts';

export function usePageTitle(...parts: string[]) {
  const { projectId } = useParams();
  const { t } = useLingui();
  // Only where there is a project to name: the sign-in page must not ask for the config.
  const { data: config } = useQuery({ ...configQuery, enabled: Boolean(projectId) });
  const project = projectId && (config?.projects.find((p) => p.id === projectId)?.name ?? projectId);
  const title = [...parts, project].filter(Boolean).join(' · ');
  const full = title ? t`${title} — CSMS console` : t`CSMS console`;
  useEffect(() => {
    document.title = full;
  }, [full]);
}
