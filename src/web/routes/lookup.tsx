// Secret lookup: type a name and press Enter to open it, or filter the project's secrets.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { nameProblem } from '../../csms/patterns.ts';
import { ApiError } from '../api/api-error.ts';
import { secretQueries } from '../api/secret-queries.ts';
import { useCheckedParams } from '../app/checked-params.ts';
import { ErrorPanel } from '../components/error-panel.tsx';
import { SecretList } from '../components/secret-list.tsx';
import { paths } from '../lib/paths.ts';
import { useSearchText } from '../lib/search-text.ts';

export function Component() {
  const { projectId } = useCheckedParams('projectId');
  const { text: query, setText, flush } = useSearchText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const messageId = useId();
  const [lookupError, setLookupError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<string | null>(null);

  // "/" focuses the search from anywhere on the page.
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
  }, []);

  const problem = query ? nameProblem(query) : null;
  const open = async () => {
    setLookupError(null);
    setMissing(null);
    if (!query || problem) return;
    try {
      await queryClient.fetchQuery(secretQueries.detail(projectId, query));
      await flush();
      await navigate(paths.secret(projectId, query));
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not-found') setMissing(query);
      else if (error instanceof ApiError) setLookupError(error);
    }
  };

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Secrets</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
        className="max-w-xl"
      >
        <label htmlFor="secret-name" className="mb-1 block text-sm font-medium">
          Secret name
        </label>
        <input
          id="secret-name"
          ref={inputRef}
          value={query}
          onChange={(e) => {
            setMissing(null);
            setLookupError(null);
            setText(e.target.value);
          }}
          placeholder="Type to filter, Enter to open   ( / )"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={messageId}
          className="h-9 w-full rounded-md border border-zinc-300 bg-white px-3 font-mono text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <p id={messageId} aria-live="polite" className="mt-1 min-h-5 text-sm">
          {problem && <span className="text-red-700 dark:text-red-400">{problem}</span>}
          {missing && (
            <span className="text-red-700 dark:text-red-400">
              No secret named <span className="font-mono">{missing}</span> exists in this project.
            </span>
          )}
        </p>
      </form>
      {lookupError && <ErrorPanel error={lookupError} onRetry={() => void open()} />}
      <SecretList projectId={projectId} filter={query} />
    </div>
  );
}
