// Secret lookup: type a name and press Enter to open it, or filter the project's secrets. The name
// box works even when the list cannot be loaded: a person who knows the name can still open it.
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router';
import { nameProblem } from '../../csms/patterns.ts';
import { useAllSecrets } from '../api/all-secrets.ts';
import { ApiError } from '../api/api-error.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { DidYouMean } from '../components/did-you-mean.tsx';
import { ErrorPanel } from '../components/error-panel.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { SecretList } from '../components/secret-list.tsx';
import type { ShownSecrets } from '../components/use-secret-list-view.ts';
import { paths } from '../lib/paths.ts';
import { useSearchText } from '../lib/search-text.ts';
import { enterOutcome, sameButCase, type EnterOutcome } from '../lib/secret-filter.ts';

/** What the last Enter found, when it did not open a secret. */
type Answer = (Exclude<EnterOutcome, { kind: 'open' | 'ask' }> | { kind: 'missing'; suggestion?: string }) & { typed: string };

export function Component() {
  const { projectId } = useCheckedParams('projectId');
  const { t } = useLingui();
  usePageTitle(t`Secrets`);
  const { text, setText, flush } = useSearchText();
  const list = useAllSecrets(projectId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const shownRef = useRef<ShownSecrets | null>(null);
  const messageId = useId();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [lookupError, setLookupError] = useState<ApiError | null>(null);
  useSlashFocus(inputRef);

  const problem = text ? nameProblem(text) : null;
  const openSecret = (name: string) => navigate(paths.secret(projectId, name));
  const onEnter = async () => {
    setAnswer(null);
    setLookupError(null);
    // Enter settles the text: it is in the URL before anything opens, so Back finds it.
    await flush();
    if (!text || problem) return;
    const typed = text;
    // Enter chooses among what the list shows (text, tags and filters), once it shows this text.
    const shown = shownRef.current?.text === typed.trim() ? shownRef.current.rows.map((row) => row.secret) : undefined;
    const outcome = enterOutcome(typed, list.secrets, list.complete, shown);
    if (outcome.kind === 'open') return openSecret(outcome.name);
    if (outcome.kind !== 'ask') return setAnswer({ ...outcome, typed });
    try {
      await queryClient.fetchQuery(secretQueries.detail(projectId, typed));
      await openSecret(typed);
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      if (error.kind !== 'not-found') return setLookupError(error);
      setAnswer({
        kind: 'missing',
        suggestion: sameButCase(
          typed,
          list.secrets.map((s) => s.name),
        ),
        typed,
      });
    }
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
            ref={inputRef}
            value={text}
            onChange={(e) => {
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
        <p id={messageId} aria-live="polite" className="mt-1 min-h-5 text-sm">
          {problem ? (
            <span className="text-red-700 dark:text-red-400">{problem}</span>
          ) : (
            answer && <AnswerText answer={answer} projectId={projectId} />
          )}
        </p>
      </form>
      {lookupError && <ErrorPanel error={lookupError} onRetry={() => void onEnter()} />}
      <SecretList projectId={projectId} list={list} text={text} onClearText={() => setText('')} shownRef={shownRef} />
    </div>
  );
}

function AnswerText({ answer, projectId }: { answer: Answer; projectId: string }) {
  const typed = <span className="font-mono">{answer.typed}</span>;
  switch (answer.kind) {
    case 'many':
      return (
        <span>
          <Trans>
            <Plural value={answer.count} one="# secret matches" other="# secrets match" /> {typed}, none by that exact name. Choose one
            below, or type its full name.
          </Trans>
        </span>
      );
    case 'did-you-mean':
      return (
        <span className="text-red-700 dark:text-red-400">
          <Trans>No secret is named {typed} (names are case-sensitive).</Trans>{' '}
          <DidYouMean to={paths.secret(projectId, answer.name)} name={answer.name} />
        </span>
      );
    case 'missing':
      return (
        <span className="text-red-700 dark:text-red-400">
          <Trans>No secret named {typed} exists in this project.</Trans>{' '}
          {answer.suggestion && <DidYouMean to={paths.secret(projectId, answer.suggestion)} name={answer.suggestion} />}
        </span>
      );
  }
}

/** "/" focuses the search from anywhere on the page. */
function useSlashFocus(inputRef: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if (e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) {
        e.preventDefault();
        inputRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [inputRef]);
}
