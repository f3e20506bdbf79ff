// "Value reads": who revealed, copied, compared or downloaded this secret's values through the
// console, and when. CTS cannot say it (it records no reads by default, and sees the console's own
// key), so it comes from the console's audit, through its index; the signed audit log is the
// authority, and the section says so.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { readsOfVersion } from '../../shared/value-reads.ts';
import { valueReadsQuery } from '../api/value-reads.ts';
import { paths } from '../lib/paths.ts';
import { valueReadAction } from '../lib/value-read-action.ts';
import { ErrorPanel } from './error-panel.tsx';
import { TimeText } from './time-text.tsx';

export function ValueReadsSection({ projectId, secretName, version }: { projectId: string; secretName: string; version?: string }) {
  const { t } = useLingui();
  const reads = useQuery({ ...valueReadsQuery(projectId, secretName), select: (answer) => readsOfVersion(answer, version) });
  const data = reads.data;
  const kept = data?.kept;

  return (
    <section aria-labelledby="value-reads-heading" data-testid="value-reads" className="space-y-3">
      <h2 id="value-reads-heading" tabIndex={-1} className="text-base font-semibold">
        <Trans>Value reads</Trans>
      </h2>
      {reads.error ? (
        <ErrorPanel error={reads.error} onRetry={() => void reads.refetch()} />
      ) : !data ? (
        <p className="text-sm">
          <Trans>Loading value reads…</Trans>
        </p>
      ) : (
        <>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {data.scope === 'shared' ? (
              <Trans>
                Recorded by every instance of this console since <TimeText value={data.since} />, the newest {kept} a secret. The
                console&apos;s signed audit log is the authority.
              </Trans>
            ) : (
              <Trans>
                Recorded by this console instance since <TimeText value={data.since} />, the newest {kept} a secret. The console&apos;s
                signed audit log is the authority.
              </Trans>
            )}
          </p>
          {data.reads.length === 0 ? (
            <p className="text-sm">{version ? t`No value of this version was read in that time.` : t`No value was read in that time.`}</p>
          ) : (
            // On a narrow screen the table scrolls sideways rather than breaking names letter by letter.
            <div className="overflow-x-auto">
              <table className="w-full min-w-[40rem] text-left text-sm">
                <thead className="text-xs text-zinc-600 dark:text-zinc-400">
                  <tr>
                    <th className="py-1 pr-3 font-medium">
                      <Trans>When</Trans>
                    </th>
                    <th className="py-1 pr-3 font-medium">
                      <Trans>Who</Trans>
                    </th>
                    <th className="py-1 pr-3 font-medium">
                      <Trans>What</Trans>
                    </th>
                    <th className="py-1 pr-3 font-medium">
                      <Trans>Version</Trans>
                    </th>
                    <th className="py-1 font-medium">
                      <Trans>Audit line</Trans>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.reads.map((read, i) => (
                    <tr key={`${read.time}-${i}`} className="border-t border-zinc-200 dark:border-zinc-800">
                      <td className="py-1 pr-3">
                        <TimeText value={read.time} />
                      </td>
                      <td className="py-1 pr-3 break-all">{read.who}</td>
                      <td className="py-1 pr-3">{valueReadAction(read.action)}</td>
                      <td className="py-1 pr-3 font-mono">
                        <Link
                          className="text-blue-700 hover:underline dark:text-blue-400"
                          to={paths.version(projectId, secretName, read.version)}
                        >
                          {read.version}
                        </Link>
                      </td>
                      <td className="py-1 font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
                        {read.instance}
                        {read.request_id ? ` · ${read.request_id}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
