import {
  ChangePasswordBody,
  CreatedToken,
  CreateTokenBody,
  LoginBody,
  MeView,
  TokenView,
} from '../../../contracts/auth.ts';
import { IdParams, OkBody } from '../../../contracts/common.ts';
import { isCurrent } from '../../../domain/access.ts';
import { permissionsOf } from '../../../domain/roles.ts';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/app-types.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import type { Principal } from '../../http/principal.ts';
import { auditContextOf, principalOf } from '../../http/request.ts';
import { changePassword, login, logout } from './auth.service.ts';
import { issueToken, myTokens, revokeMyToken } from './tokens.service.ts';

function meView(p: Principal, today: string) {
  const permissions = new Set(
    p.actor.assignments.filter((a) => isCurrent(a, today)).flatMap((a) => permissionsOf(a.role)),
  );
  return { ...p.user, assignments: [...p.assignments], permissions: [...permissions].sort(), via: p.via };
}

export function registerAuthRoutes(app: App, deps: Deps): void {
  const tags = ['认证'];
  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: '登录', body: LoginBody, response: { 200: MeView, ...errorResponses } },
      config: { public: true, rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, principal } = await login(deps, auditContextOf(request, deps.clock), request.body);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.secureCookie,
      });
      return meView(principal, deps.clock.today());
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: '退出登录', response: { 200: OkBody, ...errorResponses } },
      config: { allowPendingPasswordChange: true },
    },
    async (request, reply) => {
      await logout(deps, auditContextOf(request, deps.clock), principalOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags, summary: '当前用户', response: { 200: MeView, ...errorResponses } },
      config: { allowPendingPasswordChange: true },
    },
    async (request) => meView(principalOf(request), deps.clock.today()),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: '修改本人密码',
        body: ChangePasswordBody,
        response: { 200: OkBody, ...errorResponses },
      },
      config: { allowPendingPasswordChange: true },
    },
    async (request) => {
      await changePassword(deps, auditContextOf(request, deps.clock), principalOf(request), request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/tokens',
    { schema: { tags, summary: '本人的 API 令牌', response: { 200: TokenView.array(), ...errorResponses } } },
    async (request) => myTokens(deps, principalOf(request)),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: '创建 API 令牌（令牌只显示这一次）',
        body: CreateTokenBody,
        response: { 200: CreatedToken, ...errorResponses },
      },
    },
    async (request) =>
      issueToken(deps, auditContextOf(request, deps.clock), principalOf(request), request.body),
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: '吊销 API 令牌',
        params: IdParams,
        response: { 200: OkBody, ...errorResponses },
      },
    },
    async (request) => {
      await revokeMyToken(deps, auditContextOf(request, deps.clock), principalOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
