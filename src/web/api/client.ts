import { type ApiError, apiErrorFromResponse, networkError } from './api-error.ts';

/** What the app does when any request finds the session gone or a password change pending. */
export type ApiEventHandlers = {
  onUnauthenticated?: () => void;
  onPasswordChangeRequired?: () => void;
};

let handlers: ApiEventHandlers = {};

export function setApiEventHandlers(next: ApiEventHandlers): void {
  handlers = next;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  /** Sent as JSON. Leave it out for a bodyless POST: then no content-type is sent (an empty JSON body is a 400). */
  body?: unknown;
  signal?: AbortSignal;
  /** Do not trigger the global 401/403 handlers (the login form and the session probe handle their own). */
  silent?: boolean;
};

/** `/api/x` plus the query string; empty values are left out so that filters can be passed as they are. */
export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * A step the session must do first (a password change, the second-factor code or its enrolment): the handler
 * re-reads the account, and the session guard shows the step's page.
 */
const PENDING_STEP_REASONS = [
  'password_change_required',
  'second_factor_required',
  'second_factor_enrolment_required',
];

/** Runs the global 401 / password-change handlers for an error that did not come through `send` (uploads). */
export function notifyHandlers(error: ApiError): void {
  if (error.status === 401) handlers.onUnauthenticated?.();
  else if (error.status === 403 && PENDING_STEP_REASONS.includes(error.reason ?? '')) {
    handlers.onPasswordChangeRequired?.();
  }
}

/** Sends a request and answers the successful response, or throws an ApiError. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal ?? null,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) {
    const error = await apiErrorFromResponse(response);
    if (!options.silent) notifyHandlers(error);
    throw error;
  }
  return response;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
