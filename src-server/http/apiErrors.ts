/**
 * Every error answer is JSON `{ error, message, documents? }` (src-shared/sync/protocol ApiError).
 * Client mistakes map to 4xx; only genuine server faults are 500, and those are logged.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError, ApiErrorCode, DocumentProblem } from '../../src-shared/sync/protocol';
import { BadBodyError } from './jsonBodyParser';

export function sendApiError(reply: FastifyReply, status: number, error: ApiErrorCode, message: string, documents?: DocumentProblem[]): FastifyReply {
  const body: ApiError = { error, message, ...(documents ? { documents } : {}) };
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

type ThrownError = Partial<FastifyError> & { statusCode?: number; message?: string };

export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => sendApiError(reply, 404, 'not_found', 'no such endpoint'));
  app.setErrorHandler((raw: unknown, request, reply) => {
    const error = (typeof raw === 'object' && raw !== null ? raw : {}) as ThrownError;
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 429) return sendApiError(reply, 429, 'rate_limited', error.message ?? 'too many requests');
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendApiError(reply, 413, 'payload_too_large', 'request body is too large');
    if (status === 415) return sendApiError(reply, 415, 'unsupported_media_type', 'send JSON with content-type application/json');
    if (status >= 400 && status < 500) {
      const malformed = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError;
      const message = malformed ? 'malformed JSON body' : (error.message ?? 'bad request');
      return sendApiError(reply, status === 404 ? 404 : 400, status === 404 ? 'not_found' : 'bad_request', message, raw instanceof BadBodyError ? raw.documents : undefined);
    }
    request.log.error({ err: raw }, 'request failed');
    return sendApiError(reply, 500, 'internal', 'internal server error');
  });
}
