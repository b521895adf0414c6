import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PendingStep } from '../../domain/access/index.ts';
import type { Credentials, PrincipalResolver } from '../access/principal.ts';
import type { Deps } from '../deps.ts';
import type { ErrorReason } from '../errors.ts';
import { errorBody } from './error-reply.ts';
import { buildRequestContexts, decorateRequestContext } from './request-context.ts';

export const SESSION_COOKIE = 'jiceng_session';

/** A bearer token first (scripts send one), else the session cookie; null when the request brings neither. */
function credentialsOf(request: FastifyRequest): Credentials | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { via: 'token', secret: header.slice('Bearer '.length).trim() };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { via: 'session', secret: cookie } : null;
}

/** What answers a request made while a step is pending, and the route flag that lets it through. */
const PENDING: Record<
  PendingStep,
  {
    flag: 'allowPendingSecondFactor' | 'allowPendingPasswordChange' | 'allowPendingEnrolment';
    reason: ErrorReason;
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
 * Authenticates every API request, from the session cookie or a bearer token, with the principal resolver the
 * auth module provides (app.ts passes it in), and builds the request's context (request.ctx) from one reading of
 * the clock. Routes are closed unless marked `public`; while a step is pending (the second-factor code, a password
 * change, the enrolment of a required second factor: second-factor.ts) only the routes marked for that step are open.
 */
export function registerAuthentication(app: FastifyInstance, deps: Deps, resolve: PrincipalResolver): void {
  decorateRequestContext(app);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const config = request.routeOptions.config;
    const credentials = credentialsOf(request);
    request.contexts = await buildRequestContexts(deps, request, (anon) =>
      credentials ? resolve(anon, credentials) : Promise.resolve(null),
    );
    if (config.public) return;
    const principal = request.contexts.ctx?.principal;
    if (!principal) {
      return reply.status(401).send(errorBody('unauthenticated', '请先登录', { reason: 'not_logged_in' }));
    }
    const step = principal.pendingStep;
    if (step && !config[PENDING[step].flag]) {
      const { reason, message } = PENDING[step];
      return reply.status(403).send(errorBody('forbidden', message, { reason }));
    }
  });
}
