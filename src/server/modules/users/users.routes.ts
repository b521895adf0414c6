import { AssignmentView } from '../../../contracts/auth.ts';
import { IdParams, OkBody } from '../../../contracts/common.ts';
import {
  AssignmentParams,
  CreateUserBody,
  ResetPasswordBody,
  ResetPasswordResult,
  RoleGrantBody,
  UpdateUserBody,
  UserListQuery,
  UserPage,
  UserView,
  VersionBody,
} from '../../../contracts/users.ts';
import type { Deps } from '../../deps.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { auditContextOf, principalOf } from '../../http/request.ts';
import { deactivateUser, reactivateUser, resetPassword, unlockUser } from './accounts.service.ts';
import { grantRole, revokeRole } from './roles.service.ts';
import { resetSecondFactor } from './second-factor-reset.service.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';

export function registerUserRoutes(app: App, deps: Deps): void {
  const tags = ['用户与权限'];
  const ctx = (request: Parameters<typeof principalOf>[0]) => auditContextOf(request, deps.clock);
  const actorOf = (request: Parameters<typeof principalOf>[0]) => principalOf(request).actor;
  const one = { 200: UserView, ...errorResponses };

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: '用户列表（管辖范围内）',
        querystring: UserListQuery,
        response: { 200: UserPage, ...errorResponses },
      },
    },
    async (request) => listUsers(deps, actorOf(request), request.query),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: '用户详情', params: IdParams, response: one } },
    async (request) => getUser(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/users',
    { schema: { tags, summary: '新建用户（首次登录须修改初始密码）', body: CreateUserBody, response: one } },
    async (request) => createUser(deps, actorOf(request), ctx(request), request.body),
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: '修改用户', params: IdParams, body: UpdateUserBody, response: one } },
    async (request) => updateUser(deps, actorOf(request), ctx(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/unlock',
    { schema: { tags, summary: '解锁账号', params: IdParams, response: one } },
    async (request) => unlockUser(deps, actorOf(request), ctx(request), request.params.id),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（临时密码只显示这一次，用户下次登录须修改）',
        params: IdParams,
        body: ResetPasswordBody,
        response: { 200: ResetPasswordResult, ...errorResponses },
      },
    },
    async (request) => resetPassword(deps, actorOf(request), ctx(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reset-second-factor',
    {
      schema: {
        tags,
        summary: '重置双因素认证（安全管理员；清除密钥和恢复码，结束该用户的会话）',
        params: IdParams,
        response: one,
      },
    },
    async (request) => resetSecondFactor(deps, actorOf(request), ctx(request), request.params.id),
  );

  app.post(
    '/api/users/:id/deactivate',
    { schema: { tags, summary: '停用账号', params: IdParams, body: VersionBody, response: one } },
    async (request) => deactivateUser(deps, actorOf(request), ctx(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reactivate',
    { schema: { tags, summary: '启用账号', params: IdParams, body: VersionBody, response: one } },
    async (request) => reactivateUser(deps, actorOf(request), ctx(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/roles',
    {
      schema: {
        tags,
        summary: '授予角色',
        params: IdParams,
        body: RoleGrantBody,
        response: { 200: AssignmentView, ...errorResponses },
      },
    },
    async (request) => grantRole(deps, actorOf(request), ctx(request), request.params.id, request.body),
  );

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      schema: {
        tags,
        summary: '撤销角色',
        params: AssignmentParams,
        response: { 200: OkBody, ...errorResponses },
      },
    },
    async (request) => {
      await revokeRole(deps, actorOf(request), ctx(request), request.params.id, request.params.assignmentId);
      return { ok: true as const };
    },
  );
}
