import { IdParams } from '../../../contracts/common.ts';
import {
  DuesPublicationView,
  DuesSheetQuery,
  DuesSheetView,
  DuesStatisticsView,
  DuesSummaryQuery,
  DuesSummaryView,
  DuesYearQuery,
} from '../../../contracts/dues-summary.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { attachmentDisposition, XLSX_TYPE, XlsxFile } from '../../http/xlsx-reply.ts';
import {
  duesPublication,
  duesSheet,
  duesStatistics,
  duesSummary,
  exportDuesSheet,
} from './dues-summary.service.ts';

const tags = ['党费'];

/** 党费收缴: the subtree's figures, the branch's monthly sheet (and its workbook), the yearly publication and statistics. */
export function registerDuesSummaryRoutes(app: App): void {
  app.get(
    '/api/orgs/:id/dues-summary',
    {
      schema: {
        tags,
        summary: '党费收缴统计（本组织及下级：应缴、实缴、欠缴、缴纳率；按月或按年）',
        params: IdParams,
        querystring: DuesSummaryQuery,
        response: { 200: DuesSummaryView, ...errorResponses },
      },
    },
    async (request) => duesSummary(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/orgs/:id/dues-sheet',
    {
      schema: {
        tags,
        summary: '党支部月度党费收缴表（每名党员应缴、实缴、欠缴，交纳方式、日期、备注；合计）',
        params: IdParams,
        querystring: DuesSheetQuery,
        response: { 200: DuesSheetView, ...errorResponses },
      },
    },
    async (request) => duesSheet(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/orgs/:id/dues-sheet/export',
    {
      schema: {
        tags,
        summary: '导出月度党费收缴表（.xlsx，记入审计）',
        params: IdParams,
        querystring: DuesSheetQuery,
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, stream } = await exportDuesSheet(request.ctx, {
        ...request.params,
        ...request.query,
      });
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition(filename, 'dues-sheet.xlsx'));
      return reply.send(stream);
    },
  );
  app.get(
    '/api/orgs/:id/dues-publication',
    {
      schema: {
        tags,
        summary: '党费收缴情况年度公开（逐月应缴、实缴、缴纳率；特殊党费单列）',
        params: IdParams,
        querystring: DuesYearQuery,
        response: { 200: DuesPublicationView, ...errorResponses },
      },
    },
    async (request) => duesPublication(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/orgs/:id/dues-statistics',
    {
      schema: {
        tags,
        summary: '党费年度统计数（按时足额交纳、少交、免交的党员人数；特殊党费）',
        params: IdParams,
        querystring: DuesYearQuery,
        response: { 200: DuesStatisticsView, ...errorResponses },
      },
    },
    async (request) => duesStatistics(request.ctx, { ...request.params, ...request.query }),
  );
}
