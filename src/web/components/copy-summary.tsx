// "Copy summary": the secret as a ticket wants it (plain text or Markdown): project and region,
// state, health, stages → versions, the newest stage moves and value reads, versions with their
// times in UTC, rotation, tags, and a stage page's point-in-time answer. Metadata only; what the
// page has not read yet is read when the summary is asked for (lib/secret-summary.ts, loaded on
// the first click: no page needs it to render).
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { configQuery } from '../api/config-query.ts';
import type { SummaryRequest } from '../lib/secret-summary.ts';
import type { TicketFormat } from '../lib/ticket-text.ts';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';

export type { PointInTime } from '../lib/secret-summary.ts';

export function CopySummary(props: Omit<SummaryRequest, 'project'>) {
  const { projectId } = props;
  const { t } = useLingui();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const { data: config } = useQuery(configQuery);
  const [copied, setCopied] = useState<TicketFormat>();

  const copy = async (format: TicketFormat) => {
    const project = config?.projects.find((p) => p.id === projectId) ?? { id: projectId, name: projectId, region: '—' };
    const { summaryText } = await import('../lib/secret-summary.ts');
    await navigator.clipboard.writeText(await summaryText(queryClient, { ...props, project }, format));
    setCopied(format);
    announce(t`Summary copied.`);
    setTimeout(() => setCopied(undefined), 1500);
  };

  return (
    <span className="inline-flex flex-wrap gap-1">
      <Button size="sm" onClick={() => void copy('text')}>
        {copied === 'text' ? <Trans>Copied</Trans> : <Trans>Copy summary</Trans>}
      </Button>
      <Button size="sm" onClick={() => void copy('markdown')}>
        {copied === 'markdown' ? <Trans>Copied</Trans> : <Trans>Copy as Markdown</Trans>}
      </Button>
    </span>
  );
}
