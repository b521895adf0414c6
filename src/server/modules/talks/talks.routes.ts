import { IdParams, OkBody } from '../../../contracts/common.ts';
import {
  CreateTalkBody,
  DeleteTalkQuery,
  TalkCoverageQuery,
  TalkCoverageView,
  TalkListQuery,
  TalkMemberList,
  TalkMembersQuery,
  TalkPage,
  TalkView,
  UpdateTalkBody,
} from '../../../contracts/talks.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { getTalkCoverage } from './talk-coverage.service.ts';
import { createTalk, getTalk, listTalkViews, removeTalk, talkMembers, updateTalk } from './talks.service.ts';

const tags = ['谈心谈话'];

function registerTalkReads(app: App): void {
  app.get(
    '/api/talks',
    {
      schema: {
        tags,
        summary: '谈心谈话记录（按组织子树、年度、党员）',
        querystring: TalkListQuery,
        response: { 200: TalkPage, ...errorResponses },
      },
    },
    async (request) => listTalkViews(request.ctx, request.query),
  );
  app.get(
    '/api/talks/coverage',
    {
      schema: {
        tags,
        summary: '党支部年度谈心谈话覆盖情况（应谈、已谈、未谈的人员组合）',
        querystring: TalkCoverageQuery,
        response: { 200: TalkCoverageView, ...errorResponses },
      },
    },
    async (request) => getTalkCoverage(request.ctx, request.query),
  );
  app.get(
    '/api/talks/members',
    {
      schema: {
        tags,
        summary: '党支部可登记谈话的党员',
        querystring: TalkMembersQuery,
        response: { 200: TalkMemberList, ...errorResponses },
      },
    },
    async (request) => talkMembers(request.ctx, request.query),
  );
  app.get(
    '/api/talks/:id',
    {
      schema: {
        tags,
        summary: '谈心谈话记录详情',
        params: IdParams,
        response: { 200: TalkView, ...errorResponses },
      },
    },
    async (request) => getTalk(request.ctx, request.params),
  );
}

/** 谈心谈话 (docs/organizational-life.md §5.3; 第十九条). */
export function registerTalkRoutes(app: App): void {
  registerTalkReads(app);
  app.post(
    '/api/talks',
    {
      schema: {
        tags,
        summary: '登记谈心谈话',
        body: CreateTalkBody,
        response: { 200: TalkView, ...errorResponses },
      },
    },
    async (request) => createTalk(request.ctx, request.body),
  );
  app.patch(
    '/api/talks/:id',
    {
      schema: {
        tags,
        summary: '修改谈心谈话记录',
        params: IdParams,
        body: UpdateTalkBody,
        response: { 200: TalkView, ...errorResponses },
      },
    },
    async (request) => updateTalk(request.ctx, { ...request.params, ...request.body }),
  );
  app.delete(
    '/api/talks/:id',
    {
      schema: {
        tags,
        summary: '删除谈心谈话记录',
        params: IdParams,
        querystring: DeleteTalkQuery,
        response: { 200: OkBody, ...errorResponses },
      },
    },
    async (request) => removeTalk(request.ctx, { ...request.params, ...request.query }),
  );
}
