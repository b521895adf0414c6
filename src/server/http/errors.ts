import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Denial } from '../../domain/shared/index.ts';

/** The error codes of the API (DESIGN.md §5). */
export const ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rule_violation',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  rate_limited: 429,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = '记录') => new AppError('not_found', `${what}不存在或不在您的管辖范围内`);
export const unauthenticated = (reason = 'not_logged_in', message = '请先登录') =>
  new AppError('unauthenticated', message, { reason });
export const forbidden = (reason: string, message: string) => new AppError('forbidden', message, { reason });
export const staleVersion = () =>
  new AppError('conflict', '该记录已被他人修改，请刷新后重试', { reason: 'stale_version' });
export const conflict = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('conflict', message, { reason, ...details });
export const invalidInput = (message: string, issues: { path: (string | number)[]; message: string }[]) =>
  new AppError('invalid_input', message, { reason: 'invalid_input', issues });

/** A rule's denial, answered as 422 with the rule's reason, message and article. */
export function ruleViolation(denial: Denial): AppError {
  return new AppError('rule_violation', denial.message, {
    reason: denial.reason,
    ...(denial.article ? { article: denial.article } : {}),
    ...denial.details,
  });
}

/** Throws the denial of a failed decision. */
export function enforce(decision: { ok: true } | Denial): void {
  if (!decision.ok) throw ruleViolation(decision);
}

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

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
    return reply
      .status(fe.statusCode)
      .send(errorBody('invalid_input', '请求无法处理，请检查输入', { reason: fe.code ?? 'bad_request' }));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', '服务器内部错误，请稍后重试', { reason: 'internal' }));
}
