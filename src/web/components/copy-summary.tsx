// "Copy summary": the secret as a ticket wants it (plain text or Markdown): project and region,
// state, health, stages → versions, the newest stage moves and value reads, versions with their
// times in UTC, rotation, tags, and a stage page's point-in-time answer. Metadata only; what the
// page has not read yet is read when the summary is asked for (lib/secret-summary.ts, loaded on
// the first click: no page needs it to render).
import { useLingui } from '@lingui/react/macro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { configQuery } from '../api/config-query.ts';
import type { SummaryRequest } from '../lib/secret-summary.ts';
import type { TicketFormat } from '../lib/ticket-text.ts';
import { CopyTicketButtons } from './copy-ticket-buttons.tsx';

export type { PointInTime } from '../lib/secret-summary.ts';

export function CopySummary(props: Omit<SummaryRequest, 'project'>) {
  const { projectId } = props;
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const { data: config } = useQuery(configQuery);

  const text = async (format: TicketFormat) => {
    const project = config?.projects.find((p) => p.id === projectId) ?? { id: projectId, name: projectId, region: '—' };
    const { summaryText } = await import('../lib/secret-summary.ts');
    return summaryText(queryClient, { ...props, project }, format);
  };
  return (
    <CopyTicketButtons text={text} labels={{ text: t`Copy summary`, markdown: t`Copy as Markdown` }} announcement={t`Summary copied.`} />
  );
}
