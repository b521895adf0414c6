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
import { type App, errorResponses } from '../../http/app-types.ts';
import { deactivateUser, reactivateUser, resetPassword, unlockUser } from './accounts.service.ts';
import { grantRole, revokeRole } from './roles.service.ts';
import { resetSecondFactor } from './second-factor-reset.service.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';

export function registerUserRoutes(app: App): void {
  const tags = ['用户与权限'];
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
    async (request) => listUsers(request.ctx, request.query),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: '用户详情', params: IdParams, response: one } },
    async (request) => getUser(request.ctx, request.params),
  );

  app.post(
    '/api/users',
    { schema: { tags, summary: '新建用户（首次登录须修改初始密码）', body: CreateUserBody, response: one } },
    async (request) => createUser(request.ctx, request.body),
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: '修改用户', params: IdParams, body: UpdateUserBody, response: one } },
    async (request) => updateUser(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/users/:id/unlock',
    { schema: { tags, summary: '解锁账号', params: IdParams, response: one } },
    async (request) => unlockUser(request.ctx, request.params),
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
    async (request) => resetPassword(request.ctx, { ...request.params, ...request.body }),
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
    async (request) => resetSecondFactor(request.ctx, request.params),
  );

  app.post(
    '/api/users/:id/deactivate',
    { schema: { tags, summary: '停用账号', params: IdParams, body: VersionBody, response: one } },
    async (request) => deactivateUser(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/users/:id/reactivate',
    { schema: { tags, summary: '启用账号', params: IdParams, body: VersionBody, response: one } },
    async (request) => reactivateUser(request.ctx, { ...request.params, ...request.body }),
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
    async (request) => grantRole(request.ctx, { ...request.params, ...request.body }),
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
      await revokeRole(request.ctx, request.params);
      return { ok: true as const };
    },
  );
}
