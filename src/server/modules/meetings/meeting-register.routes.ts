import { IdParams } from '../../../contracts/common.ts';
import { MeetingRegisterQuery, MeetingRegisterView } from '../../../contracts/meeting-register.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { attachmentDisposition, XLSX_TYPE, XlsxFile } from '../../http/xlsx-reply.ts';
import { exportMeetingRegister, getMeetingRegister } from './meeting-register.service.ts';

const tags = ['组织生活'];

/** 会议记录本: an org's closed meetings of a year, for the print page and as a workbook. */
export function registerMeetingRegisterRoutes(app: App): void {
  app.get(
    '/api/orgs/:id/meeting-register',
    {
      schema: {
        tags,
        summary: '会议记录本（本组织及其党小组已办结的会议，按日期）',
        params: IdParams,
        querystring: MeetingRegisterQuery,
        response: { 200: MeetingRegisterView, ...errorResponses },
      },
    },
    async (request) => getMeetingRegister(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/orgs/:id/meeting-register/export',
    {
      schema: {
        tags,
        summary: '导出会议记录本（.xlsx：目录与每次会议一页，记入审计）',
        params: IdParams,
        querystring: MeetingRegisterQuery,
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, stream } = await exportMeetingRegister(request.ctx, {
        ...request.params,
        ...request.query,
      });
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition(filename, 'meeting-register.xlsx'));
      return reply.send(stream);
    },
  );
}
