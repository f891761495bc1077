/**
 * Maps everything a route can throw to the product's error shape:
 * `{ "error": { "code", "message", "details"? } }` with the code's status. Raw errors (and
 * their stacks) go to the log only.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppError, toAppError, type ErrorCode } from '../core/errors.ts';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'MESSAGE_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'BAD_REQUEST',
};

/** Turns a Fastify or Node error into an AppError, keeping the original as the cause. */
export function httpErrorToAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped, undefined, { cause: error });
  if (error instanceof SyntaxError) return new AppError('BAD_REQUEST', '请求体不是有效的 JSON', { cause: error });
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return new AppError('MESSAGE_TOO_LARGE', undefined, { cause: error });
    if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, { cause: error });
    if (status === 429) return new AppError('RATE_LIMITED', undefined, { cause: error });
    if (status === 401) return new AppError('UNAUTHORIZED', undefined, { cause: error });
    return new AppError('BAD_REQUEST', undefined, { cause: error });
  }
  return toAppError(error);
}

/** Installs the error and not-found handlers. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = httpErrorToAppError(error);
    if (appError.status >= 500) request.log.error({ err: error, code: appError.code }, 'request failed');
    else request.log.info({ code: appError.code, reason: appError.message }, 'request rejected');
    // The rate limiter sets the exact wait itself; keep it.
    if ((appError.code === 'RATE_LIMITED' || appError.code === 'TOO_MANY_IN_FLIGHT') && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
    void reply.status(appError.status).type('application/json; charset=utf-8').send({ error: appError.toJSON() });
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('NOT_FOUND', `没有这个地址：${request.method} ${request.url.split('?')[0]}`);
    void reply.status(error.status).send({ error: error.toJSON() });
  });
}

/** Errors the router raises before any route runs (a malformed percent-escape, an over-long id). */
export function sendFrameworkError(error: FastifyError, reply: FastifyReply): void {
  const appError = httpErrorToAppError(error);
  reply.log.info({ code: appError.code }, 'request rejected');
  void reply.status(appError.status).type('application/json; charset=utf-8').send({ error: appError.toJSON() });
}

/**
 * Requests Node's HTTP parser rejects (an unknown method, a malformed request line or header,
 * headers over the size limit): answered with the product's error shape, then the connection is
 * closed, as Node itself would.
 */
export function writeClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, appError] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', new AppError('MESSAGE_TOO_LARGE', '请求头或地址过长')]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', new AppError('BAD_REQUEST', '请求超时')]
        : [400, 'Bad Request', new AppError('BAD_REQUEST', '无法解析的 HTTP 请求')];
  const body = JSON.stringify({ error: appError.toJSON() });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}
