// Sign-in (CONSOLE_AUTH=iam): an IAM user's account, name and password, or a token the user
// already has. Fields are checked before anything is sent; the server turns them into IAM tokens
// that never reach the browser.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ApiError } from '../api/api-error.ts';
import { configQuery, fetchConfig } from '../api/config-query.ts';
import { signIn, type SignInRequest } from '../api/session.ts';
import { usePageTitle } from '../components/page-title.ts';
import { ThemeToggle } from '../components/theme-toggle.tsx';
import { Button } from '../components/ui/button.tsx';
import { paths } from '../lib/paths.ts';

type Method = SignInRequest['method'];
type Problems = Partial<Record<'domain' | 'user' | 'password' | 'token', string>>;

const TOKEN_CHARACTERS = /^[A-Za-z0-9+/=_-]+$/;

/** A return path inside this app only: never another site, never the sign-in page itself. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/sign-in')) return paths.home();
  return next;
}

function requestFrom(method: Method, form: FormData): { request: SignInRequest; problems: Problems } {
  const text = (name: string) => String(form.get(name) ?? '');
  if (method === 'token') {
    const token = text('token').trim();
    const problem = !token
      ? 'Paste a token.'
      : !TOKEN_CHARACTERS.test(token)
        ? 'A token has only letters, digits and + / = _ -, without spaces or line breaks.'
        : token.length < 16
          ? 'This is too short to be an IAM token.'
          : undefined;
    return { request: { method, token }, problems: problem ? { token: problem } : {} };
  }
  const request = { method, domain: text('domain').trim(), user: text('user').trim(), password: text('password') };
  const problems: Problems = {};
  if (!request.domain) problems.domain = 'Enter the account name.';
  if (!request.user) problems.user = 'Enter the IAM user name.';
  if (!request.password) problems.password = 'Enter the password.';
  return { request, problems };
}

export function Component() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle('Sign in');
  const [method, setMethod] = useState<Method>('password');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const { request, problems: found } = requestFrom(method, new FormData(form));
    setProblems(found);
    setFailure(null);
    const firstInvalid = Object.keys(found)[0];
    if (firstInvalid) return form.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
    setPending(true);
    try {
      await signIn(request);
    } catch (error) {
      setPending(false);
      const apiError = error as ApiError;
      setFailure(`${apiError.message} (${apiError.code})`);
      const password = form.querySelector<HTMLInputElement>('[name="password"]');
      if (password) password.value = '';
      return;
    }
    // The session lives in a cookie the browser must keep: make sure it did before leaving.
    try {
      queryClient.clear();
      queryClient.setQueryData(configQuery.queryKey, await fetchConfig());
    } catch (error) {
      setPending(false);
      const apiError = error as ApiError;
      setFailure(
        apiError.signInNeeded
          ? 'IAM accepted the sign-in, but the browser did not keep the session cookie. Open the console over HTTPS (or at http://localhost).'
          : `${apiError.message} (${apiError.code})`,
      );
      return;
    }
    await navigate(next, { replace: true });
  }

  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-2">
          <span className="flex items-center gap-2 font-semibold">
            <img src="/favicon.svg" alt="" width={20} height={20} />
            CSMS console
          </span>
          <div className="ml-auto">
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          With your Huawei Cloud IAM user. You see the projects and secrets your IAM permissions allow.
        </p>
        {reason === 'ended' && (
          <p
            role="status"
            className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
          >
            Your session ended. Sign in again to return to the page you were on.
          </p>
        )}
        {reason === 'signed-out' && (
          <p role="status" className="mt-4 rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900">
            You are signed out. Nothing from the session is left in this browser.
          </p>
        )}
        <form noValidate onSubmit={(e) => void submit(e)} className="mt-6 space-y-4" aria-busy={pending}>
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Sign in with</legend>
            {(
              [
                ['password', 'IAM user and password'],
                ['token', 'IAM token'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="method"
                  value={value}
                  checked={method === value}
                  onChange={() => {
                    setMethod(value);
                    setProblems({});
                    setFailure(null);
                  }}
                />
                {label}
              </label>
            ))}
          </fieldset>
          {method === 'password' ? (
            <>
              <Field name="domain" label="Account name" autoComplete="organization" problem={problems.domain} />
              <Field name="user" label="IAM user name" autoComplete="username" problem={problems.user} />
              <Field name="password" label="Password" type="password" autoComplete="current-password" problem={problems.password} />
            </>
          ) : (
            <Field
              name="token"
              label="IAM token"
              hint="A project-scoped token (the X-Subject-Token IAM returned). It stays on the console server."
              problem={problems.token}
              multiline
            />
          )}
          {failure && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40">
              {failure}
            </p>
          )}
          <Button type="submit" variant="primary" disabled={pending} size="lg" className="w-full">
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </main>
    </div>
  );
}

function Field(props: {
  name: string;
  label: string;
  problem?: string;
  hint?: string;
  type?: string;
  autoComplete?: string;
  multiline?: boolean;
}) {
  const id = useId();
  const describedBy = [props.hint && `${id}-hint`, props.problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    'aria-invalid': props.problem ? true : undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
    autoCapitalize: 'off',
    className:
      'w-full rounded-md border border-zinc-300 bg-white px-3 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900',
  };
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={5} autoComplete="off" className={`${common.className} py-2 font-mono break-all`} />
      ) : (
        <input {...common} type={props.type ?? 'text'} autoComplete={props.autoComplete} className={`${common.className} h-9`} />
      )}
      {props.hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {props.hint}
        </p>
      )}
      {props.problem && (
        <p id={`${id}-problem`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {props.problem}
        </p>
      )}
    </div>
  );
}
