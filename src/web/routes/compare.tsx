// Compare two values without revealing them: `?a=v3&b=SYSCURRENT` (versions or stages of this
// secret), or any `<project>/<secret>/<version-or-stage>`. The pair is in the address, so a
// compare is a link; the console server answers with shapes and fingerprints only.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { formatVersionOrStageRef } from '../../shared/value-ref.ts';
import { compareQuery } from '../api/compare.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { CompareForm } from '../components/compare-form.tsx';
import { CompareResultView } from '../components/compare-result.tsx';
import { CopyLink } from '../components/copy-link.tsx';
import { ErrorPanel } from '../components/error-panel.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { checkRef } from '../lib/compare-ref.ts';
import { paths } from '../lib/paths.ts';

export function Component() {
  const { t } = useLingui();
  const { projectId, secretName } = useCheckedParams('projectId', 'secretName');
  usePageTitle(t`Compare`, secretName);
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const a = search.get('a') ?? '';
  const b = search.get('b') ?? '';
  const page = { projectId, secretName };
  const versions = useQuery(secretQueries.versions(projectId, secretName));
  // Only a pair that passes the checks is sent; the form says what is wrong with the other.
  const [refA, refB] = [checkRef(a, page), checkRef(b, page)];
  const pair = 'ref' in refA && 'ref' in refB ? { a: formatVersionOrStageRef(refA.ref), b: formatVersionOrStageRef(refB.ref) } : undefined;
  const compare = useQuery({ ...compareQuery(pair?.a ?? '', pair?.b ?? ''), enabled: Boolean(pair) });

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">
          <Trans>
            Compare values of <span className="font-mono break-all">{secretName}</span>
          </Trans>
        </h1>
        <CopyLink />
      </header>
      <CompareForm
        page={page}
        a={a}
        b={b}
        versions={versions.data?.version_metadatas ?? []}
        onCompare={(nextA, nextB) => void navigate(paths.compare(projectId, secretName, nextA, nextB))}
      />
      {compare.error ? (
        <ErrorPanel error={compare.error} onRetry={() => void compare.refetch()} />
      ) : compare.data ? (
        <CompareResultView result={compare.data} />
      ) : pair ? (
        <p className="text-sm" role="status">
          <Trans>Comparing…</Trans>
        </p>
      ) : null}
    </div>
  );
}
