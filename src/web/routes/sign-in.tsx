// Sign-in (CONSOLE_AUTH=iam): an IAM user's account, name and password, or a token the user
// already has. Fields are checked before anything is sent; the server turns them into IAM tokens
// that never reach the browser.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ApiError } from '../api/api-error.ts';
import { configQuery, fetchConfig } from '../api/config-query.ts';
import { signIn } from '../api/session.ts';
import { FormField as Field } from '../components/form-field.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { ThemeToggle } from '../components/theme-toggle.tsx';
import { Button } from '../components/ui/button.tsx';
import { requestFrom, safeNext, type FieldName, type Method, type Problems } from '../lib/sign-in-form.ts';

export function Component() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { t, i18n } = useLingui();
  usePageTitle(t`Sign in`);
  const [method, setMethod] = useState<Method>('password');
  const [withMfa, setWithMfa] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const problem = (name: FieldName) => problems[name] && i18n._(problems[name]);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const { request, problems: found } = requestFrom(method, new FormData(form), withMfa);
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
      for (const name of ['password', 'mfa_passcode']) {
        const field = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
        if (field) field.value = '';
      }
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
          ? t`IAM accepted the sign-in, but the browser did not keep the session cookie. Open the console over HTTPS (or at http://localhost).`
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
          <span className="flex items-center gap-2 font-semibold whitespace-nowrap">
            <img src="/favicon.svg" alt="" width={20} height={20} />
            <Trans>CSMS console</Trans>
          </span>
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitcher />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <h1 className="text-xl font-semibold">
          <Trans>Sign in</Trans>
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          <Trans>With your Huawei Cloud IAM user. You see the projects and secrets your IAM permissions allow.</Trans>
        </p>
        {reason === 'ended' && (
          <p
            role="status"
            className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
          >
            <Trans>Your session ended. Sign in again to return to the page you were on.</Trans>
          </p>
        )}
        {reason === 'signed-out' && (
          <p role="status" className="mt-4 rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900">
            <Trans>You are signed out. Nothing from the session is left in this browser.</Trans>
          </p>
        )}
        <form noValidate onSubmit={(e) => void submit(e)} className="mt-6 space-y-4" aria-busy={pending}>
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">
              <Trans>Sign in with</Trans>
            </legend>
            {(
              [
                ['password', t`IAM user and password`],
                ['token', t`IAM token`],
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
              <Field name="domain" label={t`Account name`} autoComplete="organization" problem={problem('domain')} />
              <Field name="user" label={t`IAM user name`} autoComplete="username" problem={problem('user')} />
              <Field name="password" label={t`Password`} type="password" autoComplete="current-password" problem={problem('password')} />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={withMfa} onChange={(e) => setWithMfa(e.target.checked)} />
                <Trans>My user signs in with a virtual MFA device</Trans>
              </label>
              {withMfa && (
                <>
                  <Field
                    name="mfa_user_id"
                    label={t`IAM user ID`}
                    hint={t`32 characters, shown under My Credentials in the Huawei Cloud console. IAM asks for it with the code.`}
                    problem={problem('mfa_user_id')}
                  />
                  <Field
                    name="mfa_passcode"
                    label={t`MFA code`}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    problem={problem('mfa_passcode')}
                  />
                </>
              )}
            </>
          ) : (
            <Field
              name="token"
              label={t`IAM token`}
              hint={t`A project-scoped token (the X-Subject-Token IAM returned). It stays on the console server.`}
              problem={problem('token')}
              multiline
            />
          )}
          {failure && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40">
              {failure}
            </p>
          )}
          <Button type="submit" variant="primary" disabled={pending} size="lg" className="w-full">
            {pending ? t`Signing in…` : t`Sign in`}
          </Button>
        </form>
      </main>
    </div>
  );
}
