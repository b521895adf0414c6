import { AuditLogPage, AuditLogQuery } from '../../../contracts/audit.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { attachmentDisposition, XLSX_TYPE, XlsxFile } from '../../http/xlsx-reply.ts';
import { exportAuditLogs, listAuditLogs } from './audit-logs.service.ts';

export function registerAuditLogRoutes(app: App): void {
  const tags = ['审计日志'];
  app.get(
    '/api/audit-logs',
    {
      schema: {
        tags,
        summary: '审计日志（仅审计管理员；按北京时间日期筛选，最新在前）',
        querystring: AuditLogQuery,
        response: { 200: AuditLogPage, ...errorResponses },
      },
    },
    async (request) => listAuditLogs(request.ctx, request.query),
  );

  app.get(
    '/api/audit-logs/export',
    {
      schema: {
        tags,
        summary: '导出审计日志（.xlsx，筛选条件同列表；导出本身记入审计日志）',
        querystring: AuditLogQuery,
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, stream } = await exportAuditLogs(request.ctx, request.query);
      const ascii = filename.replace('审计日志', 'audit-log');
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition(filename, ascii));
      return reply.send(stream);
    },
  );
}
