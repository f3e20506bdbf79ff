// What an Enter in the lookup's box that opened no secret says: the choices it matches, the same
// name in another case, the projects that hold a secret of exactly that name.
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { Project } from '../../shared/console-api.ts';
import { paths } from '../lib/paths.ts';
import { DidYouMean } from './did-you-mean.tsx';

/** What the last Enter found, when it did not open a secret: the choices here, and the projects
 *  this person can see that hold a secret of exactly that name. */
export type Answer = { typed: string; names: string[]; count: number; caseVariant?: string; elsewhere: Project[] };

export default function AnswerText({ answer, projectId }: { answer: Answer; projectId: string }) {
  const { t } = useLingui();
  const { names, count, caseVariant, elsewhere } = answer;
  const typed = <span className="font-mono">{answer.typed}</span>;
  const link = (to: string, label: string) => (
    <Link className="font-mono text-blue-700 underline dark:text-blue-400" to={to}>
      {label}
    </Link>
  );
  return (
    <>
      {caseVariant ? (
        <span className="text-red-700 dark:text-red-400">
          <Trans>No secret is named {typed} (names are case-sensitive).</Trans>{' '}
          <DidYouMean to={paths.secret(projectId, caseVariant)} name={caseVariant} />
        </span>
      ) : count > 0 ? (
        <span>
          <Trans>
            No secret is named {typed} in this project; <Plural value={count} one="# secret matches" other="# secrets match" />:
          </Trans>
        </span>
      ) : (
        <span className="text-red-700 dark:text-red-400">
          <Trans>No secret named {typed} exists in this project.</Trans>
        </span>
      )}
      {names.length > 0 && !caseVariant && (
        <ul aria-label={t`Secrets that match`} className="mt-1 flex flex-wrap gap-x-3">
          {names.map((n) => (
            <li key={n}>{link(paths.secret(projectId, n), n)}</li>
          ))}
          {count > names.length && <li>{t`the others are in the list below`}</li>}
        </ul>
      )}
      {elsewhere.length > 0 && (
        <ul aria-label={t`In other projects`} className="mt-1">
          {elsewhere.map((p) => {
            const project = link(paths.secret(p.id, answer.typed), `${p.name} · ${p.region}`);
            return (
              <li key={p.id}>
                <Trans>
                  {typed} is in project {project}
                </Trans>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
