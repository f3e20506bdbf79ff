// "Did you mean jwt-signing-key?": a name that differs from the one asked for only in case (CSMS
// names are case-sensitive), or the form an address probably meant.
import { Trans } from '@lingui/react/macro';
import { Link } from 'react-router';
import { useAllSecrets } from '../api/all-secrets.ts';
import { sameButCase } from '../lib/secret-filter.ts';

export function DidYouMean({ to, name }: { to: string; name: string }) {
  return (
    <Trans>
      Did you mean{' '}
      <Link className="font-mono text-blue-700 underline dark:text-blue-400" to={to}>
        {name}
      </Link>
      ?
    </Trans>
  );
}

/** For a secret that does not exist: the one of the project named the same but for case, if any. */
export function SecretNameSuggestion({ projectId, name, to }: { projectId: string; name: string; to: (name: string) => string }) {
  const { secrets } = useAllSecrets(projectId);
  const suggestion = sameButCase(
    name,
    secrets.map((s) => s.name),
  );
  if (!suggestion) return null;
  return (
    <p className="text-sm">
      <DidYouMean to={to(suggestion)} name={suggestion} />
    </p>
  );
}
