// Sign-in and sign-out (CONSOLE_AUTH=iam). The server keeps the IAM tokens; the browser holds
// only an HttpOnly cookie that no script here can read.
import { msg } from '@lingui/core/macro';
import type { SignInBody } from '../../csms/console-api.ts';
import { CONSOLE_PATHS } from '../../csms/console-paths.ts';
import { CONSOLE_ERRORS } from '../../csms/error-codes.ts';
import { paths } from '../lib/paths.ts';
import { ApiError } from './api-error.ts';
import { CONSOLE_HEADERS, errorOf } from './client.ts';

export type SignInRequest = SignInBody;

async function send(method: 'POST' | 'DELETE', body?: SignInRequest): Promise<void> {
  let res: Response;
  try {
    res = await fetch(CONSOLE_PATHS.session, {
      method,
      headers: body ? { ...CONSOLE_HEADERS, 'Content-Type': 'application/json' } : CONSOLE_HEADERS,
      body: body && JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: CONSOLE_ERRORS.network,
      message: msg`The console server could not be reached.`,
      operation: 'SignIn',
    });
  }
  if (res.ok) return;
  const answer: unknown = await res.json().catch(() => undefined);
  throw errorOf(res, answer, 'SignIn');
}

export const signIn = (request: SignInRequest) => send('POST', request);

/**
 * Leaves the app for the sign-in page by a full page load, so nothing it held in memory (a
 * revealed value included) survives. `replace`: Back does not return to the page left.
 */
export function leaveForSignIn(reason?: 'ended' | 'signed-out') {
  const here = window.location.pathname + window.location.search;
  window.location.replace(paths.signIn(reason === 'signed-out' ? undefined : here, reason));
}

export async function signOut() {
  // The server also sends Clear-Site-Data; the page is left even if the call failed.
  await send('DELETE').catch(() => {});
  leaveForSignIn('signed-out');
}
