// Sign-in and sign-out (CONSOLE_AUTH=iam). The server keeps the IAM tokens; the browser holds
// only an HttpOnly cookie that no script here can read.
import type { SignInBody } from '../../shared/console-api.ts';
import { CONSOLE_ENDPOINTS } from '../../shared/console-endpoints.ts';
import { paths } from '../lib/paths.ts';
import { consoleRequest } from './client.ts';

export type SignInRequest = SignInBody;

export const signIn = (request: SignInRequest) => consoleRequest(CONSOLE_ENDPOINTS.SignIn, { body: request });

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
  await consoleRequest(CONSOLE_ENDPOINTS.SignOut, {}).catch(() => {});
  leaveForSignIn('signed-out');
}
