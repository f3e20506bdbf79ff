// The overview's attention list: each flag of each secret, most urgent first (health.ts ranks
// them), linking to the page that shows it: the secret, or the version and its stages.
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { AttentionItem, Flag, Severity } from '../../shared/health.ts';
import { LIMITS } from '../../shared/patterns.ts';
import { paths } from '../lib/paths.ts';
import { relativeTime } from '../lib/relative-time.ts';
import { useFlagLabel } from './health-flag.tsx';
import { KeyNotEnabled } from './key-not-enabled.tsx';
import { TimeText } from './time-text.tsx';

const BAR: Record<Severity, string> = {
  critical: 'border-l-red-600 dark:border-l-red-500',
  high: 'border-l-orange-500 dark:border-l-orange-500',
  medium: 'border-l-amber-400 dark:border-l-amber-400',
  low: 'border-l-blue-400 dark:border-l-blue-400',
};

export function useSeverityName() {
  const { t } = useLingui();
  return (severity: Severity) => ({ critical: t`Critical`, high: t`High`, medium: t`Medium`, low: t`Low` })[severity];
}

export function FlagDetail({ projectId, secret, flag, now }: { projectId: string; secret: string; flag: Flag; now: number }) {
  const { i18n } = useLingui();
  const when = (at: number) => relativeTime(at, now, i18n.locale);
  switch (flag.kind) {
    case 'rotation-failed': {
      const attempts = flag.attempts ?? 1;
      const ago = flag.at === undefined ? '' : when(flag.at);
      return (
        <>
          <span>
            <Trans>
              The last rotation failed {ago}, after <Plural value={attempts} one="# attempt" other="# attempts" />.
            </Trans>
          </span>
          {(flag.errorCode || flag.errorMessage) && (
            <span className="mt-1 block font-mono text-sm break-words text-red-900 dark:text-red-200">
              {flag.errorCode} {flag.errorMessage}
            </span>
          )}
        </>
      );
    }
    case 'rotation-overdue': {
      const late = when(flag.at);
      return (
        <Trans>
          The automatic rotation was due {late} (<TimeText value={flag.at} />
          ).
        </Trans>
      );
    }
    case 'rotation-due': {
      const due = when(flag.at);
      return (
        <Trans>
          The next automatic rotation is {due} (<TimeText value={flag.at} />
          ).
        </Trans>
      );
    }
    case 'version-expired':
    case 'version-expiring': {
      const version = (
        <Link className="font-mono text-blue-700 hover:underline dark:text-blue-400" to={paths.version(projectId, secret, flag.versionId)}>
          {flag.versionId}
        </Link>
      );
      const stages = flag.stages.map((stage, i) => (
        <span key={stage}>
          {i > 0 && ', '}
          <Link className="font-mono text-blue-700 hover:underline dark:text-blue-400" to={paths.stage(projectId, secret, stage)}>
            {stage}
          </Link>
        </span>
      ));
      const relative = when(flag.at);
      return flag.kind === 'version-expired' ? (
        <Trans>
          Version {version}, holding {stages}, expired {relative} (<TimeText value={flag.at} />
          ).
        </Trans>
      ) : (
        <Trans>
          Version {version}, holding {stages}, expires {relative} (<TimeText value={flag.at} />
          ).
        </Trans>
      );
    }
    case 'pending-deletion': {
      if (flag.at === undefined) return <Trans>Scheduled for deletion.</Trans>;
      const relative = when(flag.at);
      return (
        <Trans>
          To be deleted {relative} (<TimeText value={flag.at} />
          ); until then it can be restored.
        </Trans>
      );
    }
    case 'disabled':
      return <Trans>Disabled: no value can be read until it is enabled.</Trans>;
    case 'frozen':
      return <Trans>Frozen: no value can be read until it is unfrozen.</Trans>;
    case 'versions-near-limit': {
      const count = flag.count;
      const limit = LIMITS.versionsPerSecret;
      return (
        <Trans>
          {count} of the {limit} versions a secret can have.
        </Trans>
      );
    }
    case 'key-not-enabled':
      return <KeyNotEnabled alias={flag.keyAlias} state={flag.keyState} />;
  }
}

export function AttentionList({
  projectId,
  items,
  now,
  limit,
}: {
  projectId: string;
  items: AttentionItem[];
  now: number;
  /** Show the first few only (the all-projects page). */
  limit?: number;
}) {
  const { t } = useLingui();
  const severityName = useSeverityName();
  const label = useFlagLabel();
  const shown = limit === undefined ? items : items.slice(0, limit);
  if (items.length === 0) return <p className="text-base text-green-800 dark:text-green-300">{t`Nothing needs attention.`}</p>;
  return (
    <ol aria-label={t`Needs attention`} className="space-y-2">
      {shown.map(({ secret, flag }, i) => (
        <li
          key={`${secret}-${flag.kind}-${i}`}
          className={`rounded-md border border-l-4 border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900 ${BAR[flag.severity]}`}
        >
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
              {severityName(flag.severity)}
            </span>
            <Link
              className="font-mono text-base font-medium text-blue-700 hover:underline dark:text-blue-400"
              to={paths.secret(projectId, secret)}
            >
              {secret}
            </Link>
            <span className="font-medium">{label(flag, now)}</span>
          </div>
          <div className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            <FlagDetail projectId={projectId} secret={secret} flag={flag} now={now} />
          </div>
        </li>
      ))}
    </ol>
  );
}
