// Secret lookup: type a name and press Enter to open it, or filter the project's secrets. The name
// box works even when the list cannot be loaded: a person who knows the name can still open it.
import { useLingui } from '@lingui/react/macro';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { nameProblem } from '../../shared/patterns.ts';
import { useAllSecrets } from '../api/all-secrets.ts';
import { ApiError } from '../api/api-error.ts';
import { configQuery } from '../api/config-query.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { ErrorPanel } from '../components/error-panel.tsx';
import type { Answer } from '../components/lookup-answer.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { SecretList } from '../components/secret-list.tsx';
import type { ShownSecrets } from '../components/use-secret-list-view.ts';
import { paths } from '../lib/paths.ts';
import { useSearchText } from '../lib/search-text.ts';
import { enterOutcome } from '../lib/secret-filter.ts';

// What an Enter that opened nothing says: its code loads as a name is typed, not with the page.
const answerText = () => import('../components/lookup-answer.tsx');
const AnswerText = lazy(answerText);

export function Component() {
  const { projectId } = useCheckedParams('projectId');
  const { t } = useLingui();
  usePageTitle(t`Secrets`);
  const { text, setText, flush } = useSearchText();
  const list = useAllSecrets(projectId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: config } = useQuery(configQuery);
  const shownRef = useRef<ShownSecrets | null>(null);
  const messageId = useId();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [lookupError, setLookupError] = useState<ApiError | null>(null);

  const problem = text ? nameProblem(text) : null;
  const openSecret = (name: string) => navigate(paths.secret(projectId, name));
  const onEnter = async () => {
    setAnswer(null);
    setLookupError(null);
    // Enter settles the text: it is in the URL before anything opens, so Back finds it.
    await flush();
    if (!text || problem) return;
    const typed = text;
    // The choices are what the list shows (text, tags and filters), once it shows this text.
    const shown = shownRef.current?.text === typed.trim() ? shownRef.current.rows.map((row) => row.secret) : undefined;
    const outcome = enterOutcome(typed, list.secrets, list.complete, shown);
    if (outcome.kind === 'open') return openSecret(outcome.name);
    if (outcome.kind === 'ask') {
      try {
        await queryClient.fetchQuery(secretQueries.detail(projectId, typed));
        return await openSecret(typed);
      } catch (error) {
        if (!(error instanceof ApiError)) return;
        if (error.kind !== 'not-found') return setLookupError(error);
      }
    }
    const loaded = await answerText().catch(() => null);
    // Its code could not be loaded: the secret's own page says whether it exists.
    if (!loaded) return openSecret(typed);
    const { answerFor } = loaded;
    setAnswer(await answerFor(queryClient, { typed, outcome, projectId, secrets: list.secrets, projects: config?.projects ?? [] }));
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">{t`Secrets`}</h1>
        <Link className="text-sm text-blue-700 hover:underline dark:text-blue-400" to={paths.projectOverview(projectId)}>
          {t`Overview of this project`}
        </Link>
      </div>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void onEnter();
        }}
        className="max-w-xl"
      >
        <label htmlFor="secret-name" className="mb-1 block text-sm font-medium">
          {t`Secret name`}
        </label>
        <div className="relative">
          <input
            id="secret-name"
            value={text}
            onKeyDown={(e) => {
              // Esc in the box clears the text, as it does outside the box.
              if (e.key !== 'Escape' || !text) return;
              e.preventDefault();
              setAnswer(null);
              setText('');
            }}
            onChange={(e) => {
              // Typing a name: what an Enter may say loads meanwhile.
              answerText().catch(() => undefined);
              setAnswer(null);
              setLookupError(null);
              setText(e.target.value);
            }}
            placeholder={t`Type to filter, Enter to open`}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={messageId}
            className="h-9 w-full rounded-md border border-zinc-300 bg-white px-3 font-mono text-sm aria-invalid:border-red-600 pointer-fine:pr-9 dark:border-zinc-700 dark:bg-zinc-900"
          />
          {/* The "/" shortcut needs a keyboard: no hint on a touch screen. */}
          <kbd
            aria-hidden="true"
            data-testid="slash-hint"
            className="pointer-events-none absolute top-1.5 right-2 hidden rounded border border-zinc-300 px-1.5 font-mono text-xs text-zinc-500 pointer-fine:block dark:border-zinc-700 dark:text-zinc-400"
          >
            /
          </kbd>
        </div>
        <div id={messageId} aria-live="polite" className="mt-1 text-sm empty:hidden">
          {problem ? (
            <span className="text-red-700 dark:text-red-400">{problem}</span>
          ) : (
            answer && (
              <Suspense fallback={null}>
                <AnswerText answer={answer} projectId={projectId} />
              </Suspense>
            )
          )}
        </div>
      </form>
      {lookupError && <ErrorPanel error={lookupError} onRetry={() => void onEnter()} />}
      <SecretList projectId={projectId} list={list} text={text} onClearText={() => setText('')} shownRef={shownRef} />
    </div>
  );
}
