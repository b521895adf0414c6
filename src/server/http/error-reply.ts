import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type ErrorDetails } from '../errors.ts';

/** The JSON of every error answer: `{ error: { code, message, details } }` (contracts/common.ts, ErrorBody). */
export function errorBody(code: ErrorCode, message: string, details?: ErrorDetails) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** Fastify's error handler: AppErrors as they are, validation as 400 with the fields, anything else as 500. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: [
        ...(error.validationContext ? [error.validationContext] : []),
        ...String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean),
      ],
      message: v.message ?? '格式不正确',
    }));
    return reply
      .status(400)
      .send(errorBody('invalid_input', '输入有误，请检查标出的字段', { reason: 'invalid_input', issues }));
  }
  const fe = error as FastifyError;
  if (fe.statusCode === 429) {
    return reply
      .status(429)
      .send(errorBody('rate_limited', '请求过于频繁，请稍后再试', { reason: 'rate_limited' }));
  }
  if (fe.statusCode === 415 || fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply
      .status(415)
      .send(errorBody('invalid_input', '请求格式须为 JSON 或文件上传', { reason: 'unsupported_media_type' }));
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send(
      errorBody('invalid_input', '请求无法处理，请检查输入', {
        reason: 'bad_request',
        ...(fe.code ? { fastifyCode: fe.code } : {}),
      }),
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', '服务器内部错误，请稍后重试', { reason: 'internal' }));
}
