import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PendingStep } from '../../domain/access/index.ts';
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

/** What answers a request made while a step is pending, and the route flag that lets it through. */
const PENDING: Record<
  PendingStep,
  {
    flag: 'allowPendingSecondFactor' | 'allowPendingPasswordChange' | 'allowPendingEnrolment';
    reason: string;
    message: string;
  }
> = {
  second_factor: {
    flag: 'allowPendingSecondFactor',
    reason: 'second_factor_required',
    message: '请先输入身份验证器上的动态验证码',
  },
  password_change: {
    flag: 'allowPendingPasswordChange',
    reason: 'password_change_required',
    message: '请先修改初始密码',
  },
  second_factor_enrolment: {
    flag: 'allowPendingEnrolment',
    reason: 'second_factor_enrolment_required',
    message: '您的角色须使用双因素认证，请先绑定身份验证器',
  },
};

/**
 * Authenticates every API request, from the session cookie or a bearer token. Routes are closed unless
 * marked `public`; while a step is pending (the second-factor code, a password change, the enrolment of a
 * required second factor: second-factor.ts) only the routes marked for that step are open.
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
    const step = request.principal.pendingStep;
    if (step && !config[PENDING[step].flag]) {
      const { reason, message } = PENDING[step];
      return reply.status(403).send(errorBody('forbidden', message, { reason }));
    }
  });
}
