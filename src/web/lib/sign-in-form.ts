// What the sign-in form sends, checked before anything is sent, and where it returns after. The
// problems are messages, written in the page's language when shown: switching language rewrites them.
import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { matchPath } from 'react-router';
import { APP_PAGES } from '../../shared/app-pages.ts';
import type { SignInBody } from '../../shared/console-api.ts';

export type Method = SignInBody['method'];
export type FieldName = 'domain' | 'user' | 'password' | 'mfa_user_id' | 'mfa_passcode' | 'token';
export type Problems = Partial<Record<FieldName, MessageDescriptor>>;

const TOKEN_CHARACTERS = /^[A-Za-z0-9+/=_-]+$/;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The page to return to after signing in: a page of this app only (never another site, never the
 * sign-in page itself), else the home page. `next` is read as the browser would read a link.
 */
export function safeNext(next: string | null, origin = window.location.origin): string {
  if (!next || !next.startsWith('/') || CONTROL.test(decodeURIComponentSafe(next))) return APP_PAGES.home;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return APP_PAGES.home;
  }
  if (url.origin !== origin) return APP_PAGES.home;
  const page = Object.values(APP_PAGES).find((pattern) => pattern !== APP_PAGES.signIn && matchPath(pattern, url.pathname));
  return page ? `${url.pathname}${url.search}` : APP_PAGES.home;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '\u0000'; // malformed encoding: refused like a control character
  }
}

/** The sign-in request a filled form makes, and what is wrong with it (nothing is sent then). */
export function requestFrom(method: Method, form: FormData, withMfa: boolean): { request: SignInBody; problems: Problems } {
  const text = (name: FieldName) => String(form.get(name) ?? '');
  if (method === 'token') {
    const token = text('token').trim();
    const problem = !token
      ? msg`Paste a token.`
      : !TOKEN_CHARACTERS.test(token)
        ? msg`A token has only letters, digits and + / = _ -, without spaces or line breaks.`
        : token.length < 16
          ? msg`This is too short to be an IAM token.`
          : undefined;
    return { request: { method, token }, problems: problem ? { token: problem } : {} };
  }
  const problems: Problems = {};
  const request: SignInBody = { method, domain: text('domain').trim(), user: text('user').trim(), password: text('password') };
  if (!request.domain) problems.domain = msg`Enter the account name.`;
  if (!request.user) problems.user = msg`Enter the IAM user name.`;
  if (!request.password) problems.password = msg`Enter the password.`;
  if (withMfa) {
    const mfa = { user_id: text('mfa_user_id').trim().toLowerCase(), passcode: text('mfa_passcode').replace(/\s/g, '') };
    if (!/^[0-9a-f]{32}$/.test(mfa.user_id))
      problems.mfa_user_id = msg`An IAM user ID is 32 letters a-f and digits (My Credentials shows it).`;
    if (!/^[0-9]{6}$/.test(mfa.passcode)) problems.mfa_passcode = msg`Enter the 6-digit code your MFA app shows now.`;
    request.mfa = mfa;
  }
  return { request, problems };
}
