// Error codes of the CSMS API (csms-api.md), plus the few the console server adds for failures
// that happen before or around the upstream call. Every error body has the CSMS shape
// `{error_code, error_msg}`.

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
  authFailed: 'APIGW.0301',
  clockSkew: 'APIGW.0303',
  /** A token for one project used on another (the live code is not confirmed). */
  wrongProject: 'APIGW.0302',
  throttled: 'APIGW.0308',
  /** The user's IAM policy does not allow the action (the emulator's code; the live one is not documented). */
  policyDenied: 'CSMS.0403',
} as const;

/** Codes of the console server's own answers (no upstream involved or upstream unusable). */
export const CONSOLE_ERRORS = {
  badRequest: 'CONSOLE.0400',
  unauthenticated: 'CONSOLE.0401',
  notFound: 'CONSOLE.0404',
  methodNotAllowed: 'CONSOLE.0405',
  forbidden: 'CONSOLE.0403',
  rateLimited: 'CONSOLE.0429',
  badGateway: 'CONSOLE.0502',
  timeout: 'CONSOLE.0504',
  internal: 'CONSOLE.0500',
} as const;

/** True when the answer means "this secret, version or stage does not exist". */
export function isNotFound(status: number, code: string | undefined): boolean {
  return status === 404 || code === CSMS_ERRORS.notFound || code === CSMS_ERRORS.secretNotFound;
}

/** The gateway's answer for a path that is no API. */
export const GATEWAY_ROUTE_NOT_FOUND = 'APIGW.0101';
