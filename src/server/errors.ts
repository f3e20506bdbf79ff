import type { FastifyReply } from 'fastify';
import { CONSOLE_ERRORS, CSMS_ERRORS } from '../shared/error-codes.ts';
import { clearSessionCookie } from './auth/sessions.ts';

/** Every error the console server sends has the CSMS shape, with the request id when known. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string, requestId?: string) {
  return reply
    .code(status)
    .type('application/json')
    .send({ error_code: code, error_msg: message, ...(requestId && { request_id: requestId }) });
}

/** A refusal, decided before it is sent. `signedOut`: the session cookie goes too (a 401). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  headers?: Record<string, string>;
  signedOut?: boolean;
}

export const refusal = (status: number, code: string, message: string, more: Partial<Refusal> = {}): Refusal => ({
  status,
  code,
  message,
  ...more,
});

export const invalidParameter = (message: string) => refusal(400, CSMS_ERRORS.invalidParameter, message);

/** The 401 that takes the app to its sign-in page, dropping the session cookie. */
export const signedOut = (message: string) => refusal(401, CONSOLE_ERRORS.unauthenticated, message, { signedOut: true });

export function sendRefusal(reply: FastifyReply, r: Refusal) {
  if (r.headers) reply.headers(r.headers);
  return sendError(r.signedOut ? clearSessionCookie(reply) : reply, r.status, r.code, r.message, r.requestId);
}
