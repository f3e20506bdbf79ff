import type { FastifyReply } from 'fastify';

/** Every error the console server sends has the CSMS shape, with the request id when known. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string, requestId?: string) {
  return reply
    .code(status)
    .type('application/json')
    .send({ error_code: code, error_msg: message, ...(requestId && { request_id: requestId }) });
}
