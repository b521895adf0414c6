import type { ErrorReason } from '../../contracts/errors.ts';

/** One field problem reported by the server: `path` starts with the request part (`body`, `query`). */
export type ApiIssue = { path: (string | number)[]; message: string };

/** The details of an error body: `reason` is one of the closed list of the contracts (ErrorReason). */
export type ApiErrorDetails = { reason?: ErrorReason; issues?: ApiIssue[]; [key: string]: unknown };

/** Statuses with no JSON body of ours (a proxy, a crash): a Chinese message the user can act on. */
const FALLBACK_MESSAGES: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试',
  401: '请先登录',
  403: '您没有执行此操作的权限',
  404: '请求的内容不存在',
  413: '提交的内容过大',
  429: '请求过于频繁，请稍后再试',
  500: '服务器内部错误，请稍后重试',
  502: '服务暂不可用，请稍后重试',
  503: '服务暂不可用，请稍后重试',
  504: '服务器响应超时，请稍后重试',
};

/** An error answered by the API (docs/design.md §2): `message` is Chinese and meant for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The stable English key of the failure, e.g. `stale_version`, `password_change_required`. */
  get reason(): ErrorReason | undefined {
    return typeof this.details.reason === 'string' ? this.details.reason : undefined;
  }

  get issues(): ApiIssue[] {
    const issues = this.details.issues;
    if (!Array.isArray(issues)) return [];
    return issues.filter(
      (i): i is ApiIssue =>
        typeof i === 'object' && i !== null && Array.isArray(i.path) && typeof i.message === 'string',
    );
  }

  /** The record was changed by someone else since it was read (a stale `version`). */
  get isStaleVersion(): boolean {
    return this.status === 409 && (this.reason === undefined || this.reason === 'stale_version');
  }
}

export function fallbackMessage(status: number): string {
  return FALLBACK_MESSAGES[status] ?? `请求失败（HTTP ${status}）`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the error body of a failed response; anything that is not our error format gets a fallback. */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.message === 'string' && typeof error.code === 'string') {
    const details = isRecord(error.details) ? (error.details as ApiErrorDetails) : {};
    return new ApiError(status, error.code, error.message, details);
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'http_error', fallbackMessage(status));
}

export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return apiErrorFromBody(response.status, body);
}

export function networkError(): ApiError {
  return new ApiError(0, 'network', fallbackMessage(0));
}
