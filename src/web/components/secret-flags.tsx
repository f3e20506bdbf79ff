// A secret's flags at the top of its page, each with its severity, in the overview's words.
import type { Flag } from '../../shared/health.ts';
import { FlagDetail, useSeverityName } from './attention-list.tsx';
import { SEVERITY_TONE, useFlagLabel } from './health-flag.tsx';
import { Badge } from './ui/badge.tsx';

export default function SecretFlags({ projectId, secret, flags, now }: { projectId: string; secret: string; flags: Flag[]; now: number }) {
  const label = useFlagLabel();
  const severityName = useSeverityName();
  return (
    <ul className="space-y-1">
      {flags.map((flag, i) => (
        <li key={`${flag.kind}-${i}`} className="text-sm">
          <span className="mr-2 inline-flex items-baseline gap-2">
            <Badge tone={SEVERITY_TONE[flag.severity]}>{severityName(flag.severity)}</Badge>
            <span className="font-medium">{label(flag, now)}</span>
          </span>
          <span className="text-zinc-700 dark:text-zinc-300">
            <FlagDetail projectId={projectId} secret={secret} flag={flag} now={now} />
          </span>
        </li>
      ))}
    </ul>
  );
}
