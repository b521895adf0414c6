import createClient, {
  type ClientPathsWithMethod,
  type FetchResponse,
  type MaybeOptionalInit,
} from 'openapi-fetch';
import type { ErrorReason } from '../../contracts/errors.ts';
import { type ApiError, apiErrorFromBody, networkError } from './api-error.ts';
import type { paths } from './schema';

/** What the app does when any request finds the session gone or a password change pending. */
export type ApiEventHandlers = {
  onUnauthenticated?: () => void;
  onPasswordChangeRequired?: () => void;
};

let handlers: ApiEventHandlers = {};

export function setApiEventHandlers(next: ApiEventHandlers): void {
  handlers = next;
}

/**
 * A step the session must do first (a password change, the second-factor code or its enrolment): the handler
 * re-reads the account, and the session guard shows the step's page.
 */
const PENDING_STEP_REASONS: readonly ErrorReason[] = [
  'password_change_required',
  'second_factor_required',
  'second_factor_enrolment_required',
];

/** Runs the global 401 / pending-step handlers for a failed request (the typed calls, downloads, uploads). */
export function notifyHandlers(error: ApiError): void {
  if (error.status === 401) handlers.onUnauthenticated?.();
  else if (
    error.status === 403 &&
    error.reason !== undefined &&
    PENDING_STEP_REASONS.includes(error.reason)
  ) {
    handlers.onPasswordChangeRequired?.();
  }
}

/** The query string; empty values are left out so that filters can be passed as they are. */
export function queryString(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  return params.toString();
}

/** The client generated from openapi.json (`npm run openapi`): paths, parameters and bodies are typed. */
const raw = createClient<paths>({
  // Absolute, so that a Request can be built outside a page too (the unit tests); always this origin.
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  querySerializer: queryString,
  // Looked up on each call rather than captured once: tests stub the global fetch.
  fetch: (request) => globalThis.fetch(request),
});

/** Options of every call beyond openapi-fetch's own. */
export type CallOptions = {
  /** Do not trigger the global 401/403 handlers (the login form and the session probe handle their own). */
  silent?: boolean;
};

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type PathOf<M extends Method> = ClientPathsWithMethod<typeof raw, M>;
type InitOf<P extends PathOf<M>, M extends Method> = MaybeOptionalInit<paths[P], M>;
type InitArgs<I> = undefined extends I ? [init?: I & CallOptions] : [init: I & CallOptions];
type SuccessOf<R> = R extends { data: infer D; error?: never } ? D : never;

/** The answer of a successful call: the response body as the API document declares it. */
export type DataOf<P extends PathOf<M>, M extends Method, I = object> = SuccessOf<
  FetchResponse<paths[P][M] & Record<string | number, unknown>, I, 'application/json'>
>;

/** Like openapi-fetch's method, but answering the data of a success and throwing an ApiError otherwise. */
type DataMethod<M extends Method> = <P extends PathOf<M>, I extends InitOf<P, M>>(
  path: P,
  ...init: InitArgs<I>
) => Promise<DataOf<P, M, I>>;

type Untyped = (
  method: string,
  path: string,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Sends a request; answers the data and the response of a success, or throws an ApiError. */
export async function call(
  method: Uppercase<Method>,
  path: string,
  init: object & CallOptions & { parseAs?: 'json' | 'blob' } = {},
): Promise<{ data: unknown; response: Response }> {
  const { silent, ...rest } = init;
  let result: Awaited<ReturnType<Untyped>>;
  try {
    result = await (raw.request as Untyped)(method, path, rest);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const failure = apiErrorFromBody(response.status, error);
    if (!silent) notifyHandlers(failure);
    throw failure;
  }
  return { data, response };
}

function method<M extends Method>(name: Uppercase<M>): DataMethod<M> {
  const send = async (path: string, init?: object) => (await call(name, path, init)).data;
  // The one place where the document's types meet the untyped request: openapi-fetch types it the same way.
  return send as DataMethod<M>;
}

/**
 * The API: `api.GET('/api/members/{id}', { params: { path: { id } } })` answers the member, typed from the
 * contract; a failure throws an ApiError (JSON errors keep the server's Chinese message and reason). A POST
 * without `body` sends no content-type (an empty JSON body is a 400).
 */
export const api = {
  GET: method<'get'>('GET'),
  POST: method<'post'>('POST'),
  PUT: method<'put'>('PUT'),
  PATCH: method<'patch'>('PATCH'),
  DELETE: method<'delete'>('DELETE'),
};

/** The query parameters of a GET, as the API document declares them. */
export type QueryOf<P extends PathOf<'get'>> = NonNullable<paths[P]['get']['parameters']['query']>;

/** The JSON body of a request, as the API document declares it. */
export type BodyOf<P extends PathOf<M>, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type { InitOf, PathOf };
