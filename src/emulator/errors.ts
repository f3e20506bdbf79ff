import { CSMS_ERRORS } from '../shared/error-codes.ts';

/** An error the emulator answers with the documented CSMS body `{error_code, error_msg}`. */
export class CsmsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const invalidParameter = (message: string) => new CsmsError(400, CSMS_ERRORS.invalidParameter, message);
export const invalidRequest = (message: string) => new CsmsError(400, CSMS_ERRORS.invalidRequest, message);
export const invalidBody = (message: string) => new CsmsError(400, CSMS_ERRORS.invalidBody, message);
export const secretNotFound = (name: string) => new CsmsError(404, CSMS_ERRORS.secretNotFound, `The secret "${name}" does not exist.`);
export const resourceNotFound = (message: string) => new CsmsError(404, CSMS_ERRORS.notFound, message);
