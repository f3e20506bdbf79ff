// What an Enter in the lookup's box that opened no secret says: the choices it matches, the same
// name in another case, the projects that hold a secret of exactly that name.
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import type { QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Project } from '../../shared/console-api.ts';
import type { Secret } from '../../shared/schemas.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { paths } from '../lib/paths.ts';
import { sameButCase, type EnterOutcome } from '../lib/secret-filter.ts';
import { DidYouMean } from './did-you-mean.tsx';

/** What the last Enter found, when it did not open a secret: the choices here, and the projects
 *  this person can see that hold a secret of exactly that name. */
export type Answer = { typed: string; names: string[]; count: number; caseVariant?: string; elsewhere: Project[] };

/** What an Enter that opened nothing found: the choices the list offers, or the same name in
 * another case; and the other projects this person can see that hold a secret of exactly that name
 * (one ShowSecret each; a refusal is no). */
export async function answerFor(
  queryClient: QueryClient,
  {
    typed,
    outcome,
    projectId,
    secrets,
    projects,
  }: { typed: string; outcome: EnterOutcome; projectId: string; secrets: Secret[]; projects: Project[] },
): Promise<Answer> {
  const choices =
    outcome.kind === 'choose'
      ? outcome
      : {
          names: [],
          count: 0,
          caseVariant: sameButCase(
            typed,
            secrets.map((s) => s.name),
          ),
        };
  const found = await Promise.all(
    projects
      .filter((p) => p.id !== projectId)
      .map((p) =>
        queryClient.fetchQuery({ ...secretQueries.detail(p.id, typed), retry: false }).then(
          () => p,
          () => null,
        ),
      ),
  );
  return { typed, ...choices, elsewhere: found.filter((p): p is Project => p !== null) };
}

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
