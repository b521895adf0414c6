import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from './error-reply.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a state-changing request comes from another site, or null when it may go on. SameSite=Strict keeps the
 * session cookie off cross-site requests, but not off other origins of the same site (another port or subdomain on
 * the office network), and a plain HTML form can post multipart to any bodiless action. The browser says where a
 * request comes from (`Sec-Fetch-Site`, `Origin`); a script with a bearer token sends neither and is not refused.
 */
export function crossOriginReason(
  request: Pick<FastifyRequest, 'method' | 'headers' | 'host'>,
): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `sec-fetch-site: ${site}`;
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return 'origin: unreadable';
  }
  return host === request.host ? null : 'origin: other host';
}

/** Refuses cross-origin state changes under /api with 403, before authentication reads the cookie. */
export function registerSameOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const reason = crossOriginReason(request);
    if (reason === null) return;
    return reply
      .status(403)
      .send(errorBody('forbidden', '请求来自其他网站，已拒绝', { reason: 'cross_origin_request' }));
  });
}
