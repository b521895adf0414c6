import {
  ChangePasswordBody,
  CreatedToken,
  CreateTokenBody,
  LoginBody,
  MeView,
  TokenView,
} from '../../../contracts/auth.ts';
import { IdParams, OkBody } from '../../../contracts/common.ts';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/app-types.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import { changePassword, logout } from './auth.service.ts';
import { ANY_PENDING, meView, setSessionCookie } from './auth.views.ts';
import { login } from './login.service.ts';
import { registerSecondFactorRoutes } from './second-factor.routes.ts';
import { issueToken, myTokens, revokeMyToken } from './tokens.service.ts';

export function registerAuthRoutes(app: App, deps: Deps): void {
  const tags = ['认证'];
  registerSecondFactorRoutes(app, deps);
  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: '登录', body: LoginBody, response: { 200: MeView, ...errorResponses } },
      config: { public: true, rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, principal } = await login(request.anonCtx, request.body);
      setSessionCookie(reply, token, deps);
      return meView(principal, request.anonCtx.today);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: '退出登录', response: { 200: OkBody, ...errorResponses } },
      config: ANY_PENDING,
    },
    async (request, reply) => {
      await logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags, summary: '当前用户', response: { 200: MeView, ...errorResponses } },
      config: ANY_PENDING,
    },
    async (request) => meView(request.ctx.principal, request.ctx.today),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: '修改本人密码（当前密码输错计入连续失败次数；成功后其他会话和全部 API 令牌失效）',
        body: ChangePasswordBody,
        response: { 200: OkBody, ...errorResponses },
      },
      config: {
        allowPendingPasswordChange: true,
        rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
    },
    async (request) => {
      await changePassword(request.ctx, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/tokens',
    { schema: { tags, summary: '本人的 API 令牌', response: { 200: TokenView.array(), ...errorResponses } } },
    async (request) => myTokens(request.ctx),
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
    async (request) => issueToken(request.ctx, request.body),
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
      await revokeMyToken(request.ctx, request.params);
      return { ok: true as const };
    },
  );
}
