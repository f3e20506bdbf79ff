// "Copy summary": the secret as a ticket wants it (plain text or Markdown): project and region,
// state, stages → versions, versions with their times in UTC, rotation, tags. Metadata only; the
// tags are read when the summary is asked for.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Secret, VersionMetadata } from '../../csms/schemas.ts';
import { csmsRead } from '../../csms/console-endpoints.ts';
import { consoleRequest } from '../api/client.ts';
import { configQuery } from '../api/config-query.ts';
import { formatRotationPeriod } from '../lib/rotation.ts';
import { secretSummary, summaryLabels, type TicketFormat } from '../lib/ticket-text.ts';
import { Button } from './ui/button.tsx';
import { useAnnounce } from './ui/live-region.tsx';

export function CopySummary(props: { projectId: string; secret: Secret; versions: VersionMetadata[]; focus?: string }) {
  const { projectId, secret, versions, focus } = props;
  const { t } = useLingui();
  const announce = useAnnounce();
  const { data: config } = useQuery(configQuery);
  const [copied, setCopied] = useState<TicketFormat>();

  const copy = async (format: TicketFormat) => {
    const project = config?.projects.find((p) => p.id === projectId) ?? { id: projectId, name: projectId, region: '—' };
    const tags = await consoleRequest(csmsRead('ListSecretTags'), { params: { project_id: projectId, secret_id: secret.id } }).then(
      (r) => r.tags,
      () => undefined,
    );
    const text = secretSummary(
      {
        secret,
        project,
        versions,
        tags,
        rotationPeriod: secret.rotation_period ? formatRotationPeriod(secret.rotation_period) : undefined,
        url: window.location.href,
      },
      format,
      { ...summaryLabels(), focus },
    );
    await navigator.clipboard.writeText(text);
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
