import {
  MeView,
  RecoveryCodesView,
  SecondFactorCodeBody,
  SecondFactorEnrolment,
  SecondFactorStatus,
} from '../../../contracts/auth.ts';
import { OkBody } from '../../../contracts/common.ts';
import type { Deps } from '../../deps.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { meView, setSessionCookie } from './auth.views.ts';
import { completeSecondStep } from './login.service.ts';
import {
  confirmEnrolment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  secondFactorStatus,
  startEnrolment,
} from './second-factor.service.ts';

/** The login's second step, and the user's own second factor (个人设置 › 双因素认证). */
export function registerSecondFactorRoutes(app: App, deps: Deps): void {
  const tags = ['认证'];
  const limited = { rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/auth/login/second-factor',
    {
      schema: {
        tags,
        summary: '登录第二步：输入动态验证码或恢复码（输错计入连续失败次数）',
        body: SecondFactorCodeBody,
        response: { 200: MeView, ...errorResponses },
      },
      config: { allowPendingSecondFactor: true, ...limited },
    },
    async (request, reply) => {
      const { token, principal } = await completeSecondStep(request.ctx, request.body);
      setSessionCookie(reply, token, deps);
      return meView(principal, request.ctx.today);
    },
  );

  app.get(
    '/api/auth/second-factor',
    {
      schema: {
        tags,
        summary: '本人的双因素认证状态',
        response: { 200: SecondFactorStatus, ...errorResponses },
      },
      config: { allowPendingEnrolment: true },
    },
    async (request) => secondFactorStatus(request.ctx),
  );

  app.post(
    '/api/auth/second-factor/enrolment',
    {
      schema: {
        tags,
        summary: '开始绑定身份验证器：生成新密钥（确认验证码后才生效）',
        response: { 200: SecondFactorEnrolment, ...errorResponses },
      },
      config: { allowPendingEnrolment: true },
    },
    async (request) => startEnrolment(request.ctx),
  );

  app.post(
    '/api/auth/second-factor/enrolment/confirm',
    {
      schema: {
        tags,
        summary: '确认绑定：输入验证器显示的验证码，启用双因素认证并取得恢复码（只显示这一次）',
        body: SecondFactorCodeBody,
        response: { 200: RecoveryCodesView, ...errorResponses },
      },
      config: { allowPendingEnrolment: true, ...limited },
    },
    async (request) => confirmEnrolment(request.ctx, request.body),
  );

  app.post(
    '/api/auth/second-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: '重新生成恢复码（须输入动态验证码；原有恢复码全部作废）',
        body: SecondFactorCodeBody,
        response: { 200: RecoveryCodesView, ...errorResponses },
      },
      config: limited,
    },
    async (request) => regenerateRecoveryCodes(request.ctx, request.body),
  );

  app.post(
    '/api/auth/second-factor/disable',
    {
      schema: {
        tags,
        summary: '关闭本人的双因素认证（角色要求必须使用时不可关闭）',
        body: SecondFactorCodeBody,
        response: { 200: OkBody, ...errorResponses },
      },
      config: limited,
    },
    async (request) => {
      await disableSecondFactor(request.ctx, request.body);
      return { ok: true as const };
    },
  );
}
