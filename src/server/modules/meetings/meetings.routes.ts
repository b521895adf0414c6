import { IdParams, OkBody } from '../../../contracts/common.ts';
import {
  CloseMeetingBody,
  CreateMeetingBody,
  DeleteMeetingQuery,
  HoldMeetingBody,
  MeetingListQuery,
  MeetingPage,
  MeetingPolicyView,
  MeetingView,
  ReopenMeetingBody,
  UpdateMeetingBody,
} from '../../../contracts/meetings.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { closeMeeting, holdMeeting, reopenMeeting } from './meeting-lifecycle.service.ts';
import {
  createMeeting,
  deleteMeeting,
  getMeeting,
  listMeetings,
  meetingPolicyFor,
  updateMeeting,
} from './meetings.service.ts';

export const tags = ['组织生活'];

function registerReads(app: App): void {
  app.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: '会议列表（组织及其下级；按日期、类型、状态筛选）',
        querystring: MeetingListQuery,
        response: { 200: MeetingPage, ...errorResponses },
      },
    },
    async (request) => listMeetings(request.ctx, request.query),
  );
  app.get(
    '/api/meetings/policy',
    {
      schema: {
        tags,
        summary: '会议参数（不计入应到会的事由、补课期限、签到时段、附件限制）',
        response: { 200: MeetingPolicyView, ...errorResponses },
      },
    },
    async (request) => meetingPolicyFor(request.ctx),
  );
  app.get(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: '会议详情（含应到会、实到会统计和法定人数）',
        params: IdParams,
        response: { 200: MeetingView, ...errorResponses },
      },
    },
    async (request) => getMeeting(request.ctx, request.params),
  );
}

function registerWrites(app: App): void {
  app.post(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: '新建会议（计划）；应到会按计划日期的名册生成',
        body: CreateMeetingBody,
        response: { 200: MeetingView, ...errorResponses },
      },
    },
    async (request) => createMeeting(request.ctx, request.body),
  );
  app.patch(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: '修改会议（办结前）',
        params: IdParams,
        body: UpdateMeetingBody,
        response: { 200: MeetingView, ...errorResponses },
      },
    },
    async (request) => updateMeeting(request.ctx, { ...request.params, ...request.body }),
  );
  app.delete(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: '删除会议（仅计划中的会议）',
        params: IdParams,
        querystring: DeleteMeetingQuery,
        response: { 200: OkBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteMeeting(request.ctx, { ...request.params, ...request.query });
      return { ok: true as const };
    },
  );
}

/** planned → held → closed, and back from closed to held with a reason. */
function registerLifecycle(app: App): void {
  app.post(
    '/api/meetings/:id/hold',
    {
      schema: {
        tags,
        summary: '登记会议已召开（召开时间不能晚于今天；应到会按召开日期的名册重新生成）',
        params: IdParams,
        body: HoldMeetingBody,
        response: { 200: MeetingView, ...errorResponses },
      },
    },
    async (request) => holdMeeting(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/meetings/:id/close',
    {
      schema: {
        tags,
        summary: '办结会议（须已召开、有会议记录、应到会人员出勤均已登记）',
        params: IdParams,
        body: CloseMeetingBody,
        response: { 200: MeetingView, ...errorResponses },
      },
    },
    async (request) => closeMeeting(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/meetings/:id/reopen',
    {
      schema: {
        tags,
        summary: '重新打开已办结的会议（须说明原因）',
        params: IdParams,
        body: ReopenMeetingBody,
        response: { 200: MeetingView, ...errorResponses },
      },
    },
    async (request) => reopenMeeting(request.ctx, { ...request.params, ...request.body }),
  );
}

export function registerMeetingRoutes(app: App): void {
  registerReads(app);
  registerWrites(app);
  registerLifecycle(app);
}
