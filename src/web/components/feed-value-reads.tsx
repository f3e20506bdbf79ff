// The change feed's value reads: what the console's audit index says of the window (which
// instances, since when, whether the list is cut; the signed audit log is the authority), and a
// secret's reads as rows marked "value read", beside its changes.
import { Plural, Trans } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { ProjectValueRead, ProjectValueReads } from '../../shared/value-reads.ts';
import { toAddressText } from '../lib/date-time-input.ts';
import { paths } from '../lib/paths.ts';
import { valueReadAction } from '../lib/value-read-action.ts';
import { TimeText } from './time-text.tsx';
import { Badge } from './ui/badge.tsx';

const LINK = 'text-blue-700 underline dark:text-blue-400';

export function FeedValueReadsNote({ data, windowFrom }: { data: ProjectValueReads; windowFrom: number }) {
  const count = data.reads.length;
  const kept = data.kept;
  return (
    <div className="space-y-1 text-sm text-zinc-700 dark:text-zinc-300" data-testid="value-read-note">
      <p>
        <span data-testid="value-read-count">
          <Plural value={count} one="# value read" other="# value reads" />
        </span>
        {' · '}
        {data.scope === 'shared' ? (
          <Trans>
            Who revealed, copied, compared or downloaded a value through any instance of this console. The console&apos;s signed audit log
            is the authority.
          </Trans>
        ) : (
          <Trans>
            Who revealed, copied, compared or downloaded a value through this console instance. The console&apos;s signed audit log is the
            authority.
          </Trans>
        )}
      </p>
      {data.since > windowFrom && (
        <p>
          <Trans>
            The index has recorded reads since <TimeText value={data.since} />: earlier ones are in the audit log only.
          </Trans>
        </p>
      )}
      {data.cut === 'page' && (
        <p className="text-amber-800 dark:text-amber-300">
          <Trans>
            These are the newest {count} value reads of the window, as many as one answer holds: narrow the window to see earlier ones.
          </Trans>
        </p>
      )}
      {data.cut === 'kept' && (
        <p className="text-amber-800 dark:text-amber-300">
          <Trans>The index keeps the newest {kept} value reads of a project: earlier reads in this window are in the audit log only.</Trans>
        </p>
      )}
    </div>
  );
}

export function FeedValueReadRow({ projectId, read }: { projectId: string; read: ProjectValueRead }) {
  const { secret, who, version } = read;
  const action = valueReadAction(read.action);
  return (
    <li className="flex flex-wrap items-baseline gap-x-2" data-testid="value-read-row">
      <Link className={LINK} to={paths.secretAround(projectId, secret, toAddressText(read.time))}>
        <TimeText value={read.time} />
      </Link>
      <Badge tone="violet">
        <Trans>value read</Trans>
      </Badge>
      <span className="break-all">{`${who} ${action}`}</span>
      <Link className={`${LINK} font-mono`} to={paths.version(projectId, secret, version)}>
        {version}
      </Link>
      <span className="font-mono text-xs text-zinc-600 break-all dark:text-zinc-400">
        {read.instance}
        {read.request_id ? ` · ${read.request_id}` : ''}
      </span>
    </li>
  );
}
