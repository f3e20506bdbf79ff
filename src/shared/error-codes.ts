// Error codes of the CSMS API, plus the ones the console server and the app add for failures that
// happen before or around the upstream call. Every error body has the CSMS shape
// `{error_code, error_msg}`, with `request_id` when one is known.

export const CSMS_ERRORS = {
  invalidParameter: 'CSMS.0002',
  invalidRequest: 'CSMS.0003',
  invalidBody: 'CSMS.0004',
  notFound: 'CSMS.0005',
  scheduledForDeletion: 'CSMS.0103',
  builtInStage: 'CSMS.0105',
  secretNotFound: 'CSMS.0106',
  secretLimit: 'CSMS.0202',
  stageLimit: 'CSMS.0203',
  /** CSMS's own failure (the emulator's internal error). */
  internal: 'CSMS.0001',
  authFailed: 'APIGW.0301',
  clockSkew: 'APIGW.0303',
  /** A token for one project used on another (the live code is not confirmed). */
  wrongProject: 'APIGW.0302',
  throttled: 'APIGW.0308',
  /** The gateway's answer for a path that is no API. */
  routeNotFound: 'APIGW.0101',
  /** The user's IAM policy does not allow the action (the emulator's code; the live one is not documented). */
  policyDenied: 'CSMS.0403',
} as const;

/** Codes of the console's own answers (no upstream involved, or the upstream unusable). */
export const CONSOLE_ERRORS = {
  badRequest: 'CONSOLE.0400',
  unauthenticated: 'CONSOLE.0401',
  forbidden: 'CONSOLE.0403',
  notFound: 'CONSOLE.0404',
  methodNotAllowed: 'CONSOLE.0405',
  /** Request headers over the server's limit. */
  headersTooLarge: 'CONSOLE.0431',
  /** A request to a host name this console does not answer to (DNS rebinding). */
  misdirected: 'CONSOLE.0421',
  /** A dependency the request needs (the shared store) cannot be reached. */
  unavailable: 'CONSOLE.0503',
  rateLimited: 'CONSOLE.0429',
  internal: 'CONSOLE.0500',
  badGateway: 'CONSOLE.0502',
  timeout: 'CONSOLE.0504',
  /** The app could not reach the console server at all. */
  network: 'CONSOLE.NETWORK',
  /** The console server answered something that is not JSON. */
  badResponse: 'CONSOLE.BAD_RESPONSE',
} as const;

/** True when the answer means "this secret, version or stage does not exist". */
export function isNotFound(status: number, code: string | undefined): boolean {
  return status === 404 || code === CSMS_ERRORS.notFound || code === CSMS_ERRORS.secretNotFound;
}

export interface ErrorBody {
  error_code: string;
  error_msg: string;
  request_id?: string;
}

/**
 * An error body in any of the three shapes the cloud uses: CSMS `{error_code, error_msg}`, the
 * gateway's with `request_id`, and KMS-style nested under `error`. Null for anything else.
 */
export function parseErrorBody(body: unknown): ErrorBody | null {
  if (body === null || typeof body !== 'object') return null;
  const flat = 'error' in body && typeof body.error === 'object' && body.error !== null ? body.error : body;
  const { error_code, error_msg, request_id } = flat as Record<string, unknown>;
  if (typeof error_code !== 'string' || typeof error_msg !== 'string') return null;
  return { error_code, error_msg, ...(typeof request_id === 'string' && { request_id }) };
}
