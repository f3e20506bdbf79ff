// An address that cannot be right, said as such: which part, why, and the likely fix. Nothing
// was sent to CSMS, so there is no CSMS code to show.
import { Trans } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { configQuery } from '../api/config-query.ts';
import type { AddressError } from '../app/checked-params.ts';
import { nameFix, versionFix } from '../lib/address-fix.ts';
import { paths } from '../lib/paths.ts';
import { DidYouMean } from './did-you-mean.tsx';
import { InlineList } from './inline-list.tsx';

const link = 'text-blue-700 underline dark:text-blue-400';

function Fix({ error }: { error: AddressError }) {
  const params = useParams();
  const { data: config } = useQuery(configQuery);
  const { projectId = '', secretName = '' } = params;
  const { value } = error;
  switch (error.param) {
    case 'versionId': {
      const fixed = versionFix(error.value);
      return fixed ? <DidYouMean to={paths.version(projectId, secretName, fixed)} name={fixed} /> : null;
    }
    case 'secretName': {
      const fixed = nameFix(value);
      return fixed ? (
        <DidYouMean to={paths.secret(projectId, fixed)} name={fixed} />
      ) : (
        <Link className={link} to={paths.secrets(projectId, value)}>
          <Trans>Search the secrets for “{value}”</Trans>
        </Link>
      );
    }
    case 'stageName': {
      const fixed = nameFix(value);
      return fixed ? (
        <DidYouMean to={paths.stage(projectId, secretName, fixed)} name={fixed} />
      ) : (
        <Link className={link} to={paths.secret(projectId, secretName)}>
          <Trans>See the stages of {secretName}</Trans>
        </Link>
      );
    }
    case 'projectId': {
      if (!config?.projects.length) return null;
      const projects = (
        <InlineList
          items={config.projects.map((p) => ({
            key: p.id,
            node: (
              <Link className={link} to={paths.secrets(p.id)}>
                {p.name}
              </Link>
            ),
          }))}
        />
      );
      return <Trans>Open one of the projects: {projects}</Trans>;
    }
  }
}

export function AddressProblem({ error }: { error: AddressError }) {
  return (
    <section
      role="alert"
      aria-labelledby="address-problem"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h1 id="address-problem" className="text-base font-semibold">
        <Trans>This address is wrong</Trans>
      </h1>
      <p>
        {error.message} <Trans>Nothing was sent to CSMS.</Trans>
      </p>
      <p>
        <Fix error={error} />
      </p>
    </section>
  );
}
