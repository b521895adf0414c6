import type { ErrorCode, ErrorReason } from '../contracts/errors.ts';
import type { Denial } from '../domain/shared/index.ts';

export type { ErrorCode, ErrorReason } from '../contracts/errors.ts';

/** The details of an error body: the reason, from the closed list (contracts/errors.ts), and facts of the case. */
export type ErrorDetails = { readonly reason?: ErrorReason; readonly [fact: string]: unknown };

/** The HTTP status of each error code (the codes: contracts/errors.ts; the JSON shape: http/error-reply.ts). */
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

/**
 * A refusal that any layer may throw (services, the access kernel, the db helpers): answered by the HTTP error
 * handler with its code, Chinese message and details (`details.reason` is the stable English reason).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = '记录') => new AppError('not_found', `${what}不存在或不在您的管辖范围内`);
export const unauthenticated = (reason: ErrorReason = 'not_logged_in', message = '请先登录') =>
  new AppError('unauthenticated', message, { reason });
export const forbidden = (reason: ErrorReason, message: string) =>
  new AppError('forbidden', message, { reason });
export const staleVersion = () =>
  new AppError('conflict', '该记录已被他人修改，请刷新后重试', { reason: 'stale_version' });
export const conflict = (reason: ErrorReason, message: string, details: Record<string, unknown> = {}) =>
  new AppError('conflict', message, { reason, ...details });
export const invalidInput = (message: string, issues: { path: (string | number)[]; message: string }[]) =>
  new AppError('invalid_input', message, { reason: 'invalid_input', issues });

/** A rule's denial, answered as 422 with the rule's reason, message and article. */
export function ruleViolation(denial: Denial<ErrorReason>): AppError {
  return new AppError('rule_violation', denial.message, {
    reason: denial.reason,
    ...(denial.article ? { article: denial.article } : {}),
    ...denial.details,
  });
}

/** Throws the denial of a failed decision. */
export function enforce(decision: { ok: true } | Denial<ErrorReason>): void {
  if (!decision.ok) throw ruleViolation(decision);
}
