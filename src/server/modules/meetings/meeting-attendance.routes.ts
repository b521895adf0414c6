import { IdParams } from '../../../contracts/common.ts';
import {
  AttendanceView,
  CheckInBody,
  CheckInCodeView,
  CheckInResult,
  LeaveRequestBody,
  MyMeetings,
  MyMeetingView,
  PutAttendanceBody,
} from '../../../contracts/meetings.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { getAttendance, putAttendance } from './attendance.service.ts';
import { checkIn, getCheckInCode } from './check-in.service.ts';
import { listMyMeetings, requestLeave } from './my-meetings.service.ts';

const tags = ['组织生活'];

/** 应到会 and attendance: the secretary's entries, the members' own check-in and leave requests. */
export function registerAttendanceRoutes(app: App): void {
  app.get(
    '/api/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: '应到会人员及出勤情况',
        params: IdParams,
        response: { 200: AttendanceView, ...errorResponses },
      },
    },
    async (request) => getAttendance(request.ctx, request.params),
  );
  app.put(
    '/api/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: '登记出勤（出席、请假须说明事由、缺席；不计入应到会及事由；补课）',
        params: IdParams,
        body: PutAttendanceBody,
        response: { 200: AttendanceView, ...errorResponses },
      },
    },
    async (request) => putAttendance(request.ctx, { ...request.params, ...request.body }),
  );
  app.get(
    '/api/meetings/:id/check-in-code',
    {
      schema: {
        tags,
        summary: '会议签到码（二维码内容及有效时段）',
        params: IdParams,
        response: { 200: CheckInCodeView, ...errorResponses },
      },
    },
    async (request) => getCheckInCode(request.ctx, request.params),
  );
  app.post(
    '/api/meetings/:id/check-in',
    {
      schema: {
        tags,
        summary: '党员扫码签到（本人）',
        params: IdParams,
        body: CheckInBody,
        response: { 200: CheckInResult, ...errorResponses },
      },
    },
    async (request) => checkIn(request.ctx, { ...request.params, ...request.body }),
  );
  app.get(
    '/api/me/meetings',
    {
      schema: {
        tags,
        summary: '我的会议（即将召开、已召开，含本人出勤）',
        response: { 200: MyMeetings, ...errorResponses },
      },
    },
    async (request) => listMyMeetings(request.ctx),
  );
  app.post(
    '/api/me/meetings/:id/leave',
    {
      schema: {
        tags,
        summary: '会前请假（本人，须说明事由）',
        params: IdParams,
        body: LeaveRequestBody,
        response: { 200: MyMeetingView, ...errorResponses },
      },
    },
    async (request) => requestLeave(request.ctx, { ...request.params, ...request.body }),
  );
}
