import { IdParams } from '../../../contracts/common.ts';
import {
  MemberAccountView,
  OpenedMemberAccount,
  OpenMemberAccountsBody,
} from '../../../contracts/member-accounts.ts';
import {
  CreateMemberBody,
  MemberDetail,
  MemberDetailQuery,
  MemberEventBody,
  MemberListQuery,
  MemberPage,
  UpdateMemberBody,
  UpdateOwnContactBody,
} from '../../../contracts/members.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { attachmentDisposition, XLSX_TYPE, XlsxFile } from '../../http/xlsx-reply.ts';
import { getMemberAccount, openAccountForMember, openAccountsForMembers } from './member-accounts.service.ts';
import { registerMemberMoves } from './member-batch.routes.ts';
import { registerMemberDecisionRoutes } from './member-decisions.routes.ts';
import { updateMember } from './member-edits.service.ts';
import { recordMemberEvent } from './member-events.service.ts';
import { getOwnMember, updateOwnContact } from './member-self.service.ts';
import { createMember, getMember } from './members.service.ts';
import { listMembers } from './members-list.service.ts';

const tags = ['党员管理'];

function registerMemberReads(app: App): void {
  app.get(
    '/api/members',
    {
      schema: {
        tags,
        summary: '党员名册（管辖范围内；身份证号、手机号脱敏）',
        querystring: MemberListQuery,
        response: { 200: MemberPage, ...errorResponses },
      },
    },
    async (request) => listMembers(request.ctx, request.query),
  );
  app.get(
    '/api/members/:id',
    {
      schema: {
        tags,
        summary: '党员详情与历史（reveal=idNumber：组织管理员查看完整身份证号，记入审计）',
        params: IdParams,
        querystring: MemberDetailQuery,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => getMember(request.ctx, { ...request.params, ...request.query }),
  );
}

function registerMemberWrites(app: App): void {
  app.post(
    '/api/members',
    {
      schema: {
        tags,
        summary: '登记党员',
        body: CreateMemberBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => createMember(request.ctx, request.body),
  );
  app.patch(
    '/api/members/:id',
    {
      schema: {
        tags,
        summary: '修改党员信息',
        params: IdParams,
        body: UpdateMemberBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => updateMember(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/members/:id/events',
    {
      schema: {
        tags,
        summary: '党员状态变更（转正、延长预备期、停止/恢复党籍、失联、出党）',
        params: IdParams,
        body: MemberEventBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => recordMemberEvent(request.ctx, { ...request.params, ...request.body }),
  );
}

function registerSelfService(app: App): void {
  const selfTags = ['党员自助'];
  app.get(
    '/api/me/member',
    {
      schema: {
        tags: selfTags,
        summary: '本人的党员档案与历史',
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => getOwnMember(request.ctx),
  );
  app.patch(
    '/api/me/member',
    {
      schema: {
        tags: selfTags,
        summary: '修改本人的联系电话和地址（三项一并提交，空值为清除）',
        body: UpdateOwnContactBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => updateOwnContact(request.ctx, request.body),
  );
}

/** Accounts for members (开通账号, docs/security.md §2.1). */
function registerMemberAccounts(app: App): void {
  app.get(
    '/api/members/:id/account',
    {
      schema: {
        tags,
        summary: '党员的账号（是否已开通、能否开通）',
        params: IdParams,
        response: { 200: MemberAccountView, ...errorResponses },
      },
    },
    async (request) => getMemberAccount(request.ctx, request.params),
  );
  app.post(
    '/api/members/:id/account',
    {
      schema: {
        tags,
        summary: '为党员开通账号（初始密码只在本次应答中给出，首次登录须修改）',
        params: IdParams,
        response: { 200: OpenedMemberAccount, ...errorResponses },
      },
    },
    async (request) => openAccountForMember(request.ctx, request.params),
  );
  app.post(
    '/api/members/accounts',
    {
      schema: {
        tags,
        summary: '批量开通党员账号（勾选的党员或名册筛选条件；应答为初始密码表 .xlsx，只此一次，记入审计）',
        body: OpenMemberAccountsBody,
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, stream } = await openAccountsForMembers(request.ctx, request.body);
      reply.header('content-type', XLSX_TYPE);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', attachmentDisposition(filename, 'member-accounts.xlsx'));
      return reply.send(stream);
    },
  );
}

/** The roster: members, their history and status changes, accounts, and self-service. */
export function registerMemberRoutes(app: App): void {
  registerMemberReads(app);
  registerMemberWrites(app);
  registerMemberDecisionRoutes(app);
  registerMemberAccounts(app);
  registerMemberMoves(app);
  registerSelfService(app);
}
