import { IdParams } from '../../../contracts/common.ts';
import {
  BaseBatchBody,
  BaseEntryBody,
  BaseImportFields,
  BaseImportReport,
  BaseOrgQuery,
  BaseSaveResult,
  BaseSetResult,
  BaseSheet,
  BaseSheetQuery,
  MemberBaseHistory,
} from '../../../contracts/dues-bases.ts';
import type { Deps } from '../../deps.ts';
import { invalidInput } from '../../errors.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { attachmentDisposition, XLSX_TYPE, XlsxFile } from '../../http/xlsx-reply.ts';
import { receiveUpload } from '../member-excel/index.ts';
import { baseSheet, memberBaseHistory, saveSheet, setBase } from './dues-bases.service.ts';
import { baseTemplate, exportBases, importBases, prepareBaseImport } from './dues-bases-excel.service.ts';

const tags = ['党费'];

function parseFields(fields: Record<string, string>) {
  const parsed = BaseImportFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: ['body', ...i.path.map(String)],
    message: i.message,
  }));
  throw invalidInput('输入有误，请检查标出的字段', issues);
}

/** 党费计算基数 (docs/dues.md §2, §11); the dues rules (§7) are the dues module's. */
export function registerDuesBaseRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/dues/bases',
    {
      schema: {
        tags,
        summary: '党支部某月的党费计算基数表（本支部书记或上级组织管理员可见）',
        querystring: BaseSheetQuery,
        response: { 200: BaseSheet, ...errorResponses },
      },
    },
    async (request) => baseSheet(request.ctx, request.query),
  );
  app.post(
    '/api/dues/bases',
    {
      schema: {
        tags,
        summary: '核定一名党员自某月起的党费计算基数（同月已有的须带 version 替换）',
        body: BaseEntryBody,
        response: { 200: BaseSetResult, ...errorResponses },
      },
    },
    async (request) => setBase(request.ctx, request.body),
  );
  app.put(
    '/api/dues/bases/batch',
    {
      schema: {
        tags,
        summary: '保存党支部的党费计算基数表（全部无误才保存，逐行说明不能保存的原因）',
        body: BaseBatchBody,
        response: { 200: BaseSaveResult, ...errorResponses },
      },
    },
    async (request) => saveSheet(request.ctx, request.body),
  );
  app.get(
    '/api/members/:id/dues-base',
    {
      schema: {
        tags,
        summary: '党员的党费计算基数历史（本人、本支部书记或上级组织管理员）',
        params: IdParams,
        response: { 200: MemberBaseHistory, ...errorResponses },
      },
    },
    async (request) => memberBaseHistory(request.ctx, request.params),
  );
  app.get(
    '/api/dues/bases/template',
    {
      schema: {
        tags,
        summary: '下载党费计算基数导入模板（.xlsx，已填本支部党员名单）',
        querystring: BaseOrgQuery,
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bytes, filename } = await baseTemplate(request.ctx, request.query);
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition(filename, 'dues-base-template.xlsx'));
      return reply.send(bytes);
    },
  );
  app.get(
    '/api/dues/bases/export',
    {
      schema: {
        tags,
        summary: '导出党支部的党费计算基数（.xlsx，记入审计）',
        querystring: BaseSheetQuery.partial({ month: true }),
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bytes, filename } = await exportBases(request.ctx, request.query);
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition(filename, 'dues-bases.xlsx'));
      return reply.send(bytes);
    },
  );
  app.post(
    '/api/dues/bases/import',
    {
      schema: {
        tags,
        summary:
          '导入党费计算基数（multipart：file、orgId、dryRun=true 只检查并逐行报告，false 全部无误才导入）',
        consumes: ['multipart/form-data'],
        response: { 200: BaseImportReport, ...errorResponses },
      },
    },
    async (request) => {
      const limits = await prepareBaseImport(request.ctx);
      const upload = await receiveUpload(request, limits, deps.uploadTempDir);
      try {
        const fields = parseFields(upload.fields);
        return await importBases(request.ctx, {
          orgId: fields.orgId,
          dryRun: fields.dryRun,
          path: upload.file.path,
          fileName: upload.file.fileName,
          limits,
        });
      } finally {
        await upload.cleanup();
      }
    },
  );
}
