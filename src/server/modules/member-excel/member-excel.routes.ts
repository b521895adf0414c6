import { IdParams } from '../../../contracts/common.ts';
import { BatchExportBody } from '../../../contracts/member-batch.ts';
import {
  ErrorFileParams,
  ImportBatchPage,
  ImportBatchQuery,
  ImportBatchUndoResult,
  ImportLimitsView,
  MemberExportQuery,
  MemberImportFields,
  MemberImportReport,
} from '../../../contracts/member-import.ts';
import type { Deps } from '../../deps.ts';
import { invalidInput } from '../../errors.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { attachmentDisposition, XLSX_TYPE, XlsxFile } from '../../http/xlsx-reply.ts';
import { getErrorFile, listImportBatches, undoImportBatch } from './import-batches.service.ts';
import { exportMembers, exportSelection } from './member-export.service.ts';
import { authorizeImport, importMembers, prepareUpload } from './member-import.service.ts';
import { buildTemplate } from './template.excel.ts';
import { receiveUpload } from './upload.ts';

const tags = ['党员导入导出'];

function parseFields(fields: Record<string, string>) {
  const parsed = MemberImportFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: ['body', ...i.path.map(String)],
    message: i.message,
  }));
  throw invalidInput('输入有误，请检查标出的字段', issues);
}

function registerImport(app: App, deps: Deps): void {
  app.post(
    '/api/members/import',
    {
      schema: {
        tags,
        summary: '导入党员（multipart：file、orgId、dryRun=true|false、mode=valid_rows|all_or_nothing）',
        description:
          '读取基层党员信息模板或《党员基本信息汇总表》（2017），逐行逐列报告问题；dryRun=false 时把有效行作为一个导入批次提交。all_or_nothing 有错误时答 422（details.report 为报告）。',
        consumes: ['multipart/form-data'],
        response: { 200: MemberImportReport, ...errorResponses },
      },
    },
    async (request) => {
      const limits = await prepareUpload(request.ctx);
      const upload = await receiveUpload(request, limits, deps.uploadTempDir);
      try {
        const fields = parseFields(upload.fields);
        return await importMembers(request.ctx, { file: upload.file, fields, limits });
      } finally {
        await upload.cleanup();
      }
    },
  );
  app.get(
    '/api/member-imports/error-files/:id',
    {
      schema: {
        tags,
        summary: '下载导入错误说明（仅上传者本人，保留时长内，默认24小时）',
        params: ErrorFileParams,
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await getErrorFile(request.ctx, request.params);
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition(file.fileName, 'import-errors.xlsx'));
      return reply.send(file.content);
    },
  );
}

function registerLimits(app: App): void {
  app.get(
    '/api/members/import-limits',
    {
      schema: {
        tags,
        summary: '导入限制（上传前提示：文件大小、行列上限、保留的问题数、错误明细保留时长）',
        response: { 200: ImportLimitsView, ...errorResponses },
      },
    },
    async (request) => {
      const { maxFileMb, maxRows, maxColumns, maxIssues, errorFileHours } = await prepareUpload(request.ctx);
      return { maxFileMb, maxRows, maxColumns, maxIssues, errorFileHours };
    },
  );
}

function registerBatches(app: App): void {
  app.get(
    '/api/import-batches',
    {
      schema: {
        tags,
        summary: '导入批次（管辖范围内，最新在前）',
        querystring: ImportBatchQuery,
        response: { 200: ImportBatchPage, ...errorResponses },
      },
    },
    async (request) => listImportBatches(request.ctx, request.query),
  );
  app.post(
    '/api/import-batches/:id/undo',
    {
      schema: {
        tags,
        summary: '撤销导入批次（批次内党员导入后无任何变动时）',
        params: IdParams,
        response: { 200: ImportBatchUndoResult, ...errorResponses },
      },
    },
    async (request) => undoImportBatch(request.ctx, request.params),
  );
}

function registerFiles(app: App): void {
  app.get(
    '/api/members/template',
    {
      schema: { tags, summary: '下载党员导入模板（.xlsx）', response: { 200: XlsxFile, ...errorResponses } },
    },
    async (request, reply) => {
      authorizeImport(request.ctx);
      const bytes = await buildTemplate();
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition('党员导入模板.xlsx', 'member-template.xlsx'));
      return reply.send(bytes);
    },
  );
  app.get(
    '/api/members/export',
    {
      schema: {
        tags,
        summary:
          '导出党员名册（筛选条件同列表；format=template|official_2017；reveal=idNumber 仅组织管理员，记入审计）',
        querystring: MemberExportQuery,
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, stream } = await exportMembers(request.ctx, request.query);
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition(filename, 'members.xlsx'));
      return reply.send(stream);
    },
  );
  app.post(
    '/api/members/export',
    {
      schema: {
        tags,
        summary:
          '导出选中的党员（勾选的党员或当前筛选条件下的全部党员，含各种状态；reveal=idNumber 仅组织管理员，记入审计）',
        body: BatchExportBody,
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, stream } = await exportSelection(request.ctx, request.body);
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition(filename, 'members.xlsx'));
      return reply.send(stream);
    },
  );
}

/** The upload is received under deps.uploadTempDir (a private folder of the system's temp folder by default). */
export function registerMemberExcelRoutes(app: App, deps: Deps): void {
  registerImport(app, deps);
  registerLimits(app);
  registerBatches(app);
  registerFiles(app);
}
