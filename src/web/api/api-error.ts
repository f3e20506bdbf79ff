// One error type for every failure the app can meet: an HTTP error in any CSMS error shape, a
// network failure, a timeout, or an answer that is not what the contract says (an address the
// app refuses before sending anything is an AddressError). Messages never contain a secret value.
import type { MessageDescriptor } from '@lingui/core';
import { CONSOLE_ERRORS, isNotFound } from '../../shared/error-codes.ts';
import type { AnyEndpoint, EndpointName } from '../../shared/console-endpoints.ts';
import { setLazyMessage } from '../i18n/lazy-message.ts';

export type ApiErrorKind =
  'invalid' | 'not-found' | 'unauthenticated' | 'forbidden' | 'throttled' | 'unavailable' | 'network' | 'bad-response';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  /** What failed: a row of the console's endpoints (a CSMS read, or one of its own). */
  readonly endpoint?: EndpointName;
  /** The IAM permission the row needs, to name when CSMS refused it. */
  readonly permission?: string;
  /** From Retry-After, when the server sent one. */
  readonly retryAfterSeconds?: number;

  constructor(init: {
    status: number;
    code: string;
    /** CSMS's own message as sent (a string), or the console's own words (read in the page's language). */
    message: string | MessageDescriptor;
    requestId?: string;
    endpoint?: Pick<AnyEndpoint, 'name' | 'permission'>;
    retryAfterSeconds?: number;
  }) {
    super(typeof init.message === 'string' ? init.message : init.code);
    if (typeof init.message !== 'string') setLazyMessage(this, init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.endpoint = init.endpoint?.name;
    this.permission = init.endpoint?.permission;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  get kind(): ApiErrorKind {
    if (this.code === CONSOLE_ERRORS.network) return 'network';
    if (this.code === CONSOLE_ERRORS.badResponse) return 'bad-response';
    if (isNotFound(this.status, this.code)) return 'not-found';
    if (this.status === 401) return 'unauthenticated';
    if (this.status === 403) return 'forbidden';
    if (this.status === 429) return 'throttled';
    if (this.status >= 500) return 'unavailable';
    return 'invalid';
  }

  /** The console server wants a (new) sign-in: no session, or it ended. */
  get signInNeeded(): boolean {
    return this.status === 401 && this.code === CONSOLE_ERRORS.unauthenticated;
  }

  /** The console refused the project itself: not one of this person's (403), or not configured (404). */
  get projectRefused(): boolean {
    return (
      (this.status === 403 && this.code === CONSOLE_ERRORS.forbidden) || (this.status === 404 && this.code === CONSOLE_ERRORS.notFound)
    );
  }

  /** Worth another try: network errors, 5xx and 429 — never 400/401/403/404. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'unavailable' || this.kind === 'throttled';
  }
}
