import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { authenticateSession, authenticateToken } from '../modules/auth/auth.service.ts';
import { errorBody } from './errors.ts';
import type { Principal } from './principal.ts';

export const SESSION_COOKIE = 'jiceng_session';

async function resolvePrincipal(deps: Deps, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    return authenticateToken(deps, header.slice('Bearer '.length).trim());
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(deps, cookie) : null;
}

/**
 * Authenticates every API request, from the session cookie or a bearer token. Routes are closed unless
 * marked `public`; while a password change is pending only the routes marked for it are open.
 */
export function registerAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const config = request.routeOptions.config;
    request.principal = await resolvePrincipal(deps, request);
    if (config.public) return;
    if (!request.principal) {
      return reply.status(401).send(errorBody('unauthenticated', '请先登录', { reason: 'not_logged_in' }));
    }
    if (request.principal.user.mustChangePassword && !config.allowPendingPasswordChange) {
      return reply
        .status(403)
        .send(errorBody('forbidden', '请先修改初始密码', { reason: 'password_change_required' }));
    }
  });
}
