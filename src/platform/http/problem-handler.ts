// Every error leaves as RFC 9457 application/problem+json in the caller's language, with a stable
// code and the request id. Unknown errors are logged and answered with a bare 500: no stack, no SQL.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError, toProblem } from '../errors.ts';
import { DEFAULT_LOCALE } from '../i18n/locale.ts';
import { fieldMessage } from './field-messages.ts';
import { toFieldErrors } from './validation.ts';

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'request.unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'request.body_too_large',
  FST_FILES_LIMIT: 'request.body_too_large',
  FST_PARTS_LIMIT: 'request.body_too_large',
  FST_FIELDS_LIMIT: 'request.body_too_large',
  FST_ERR_BAD_URL: 'request.not_found',
};

const BY_STATUS: Record<number, string> = {
  400: 'request.invalid',
  404: 'request.not_found',
  405: 'request.method_not_allowed',
  413: 'request.body_too_large',
  415: 'request.unsupported_media_type',
  429: 'request.rate_limited',
  503: 'internal.unavailable',
};

export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (isAppError(error)) return error;
  const e = error as FastifyError & { validationContext?: string };
  if (e.validation)
    return new AppError('request.invalid', {
      fields: toFieldErrors(e.validation as never, e.validationContext),
    });
  const mapped = e.code ? FASTIFY_CODES[e.code] : undefined;
  if (mapped) return new AppError(mapped, { cause: error });
  if (error instanceof SyntaxError && e.statusCode === 400)
    return new AppError('request.malformed_json', { cause: error });
  if (e.statusCode === 429) {
    const retryAfter = Number((e as { retryAfter?: number }).retryAfter ?? 60);
    return new AppError('request.rate_limited', {
      params: { retryAfter },
      headers: { 'retry-after': String(retryAfter) },
    });
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError(BY_STATUS[e.statusCode] ?? 'request.invalid', { cause: error });
  }
  return new AppError('internal.error', { cause: error });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const problem = toProblem(error, {
    locale: request.locale ?? DEFAULT_LOCALE,
    instance: request.url.split('?')[0],
    requestId: request.id,
    fieldMessage,
  });
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply
    .code(problem.status)
    .header('content-language', request.locale ?? DEFAULT_LOCALE)
    .type('application/problem+json; charset=utf-8')
    .send(problem);
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, 'request refused');
    return sendProblem(request, reply, appError);
  });
}

/** 404 for API paths as a problem; other paths are left to the web app (see web.ts). */
export function notFoundProblem(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(request, reply, new AppError('request.not_found'));
}
