import { IdParams } from '../../../contracts/common.ts';
import { LedgerEntriesQuery, LedgerEntryPage, LedgerQuery, LedgerView } from '../../../contracts/ledger.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { attachmentDisposition, XLSX_TYPE, XlsxFile } from '../../http/xlsx-reply.ts';
import { exportLedger, getLedger, listLedgerEntries } from './membership-ledger.service.ts';

const tags = ['党员管理'];

/** 增减台账: the counts of an org's subtree over a period, the entries behind them, and the workbook. */
export function registerLedgerRoutes(app: App): void {
  app.get(
    '/api/orgs/:id/ledger',
    {
      schema: {
        tags,
        summary: '党员增减台账（本组织及下级，按期间）',
        params: IdParams,
        querystring: LedgerQuery,
        response: { 200: LedgerView, ...errorResponses },
      },
    },
    async (request) => getLedger(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/orgs/:id/ledger/entries',
    {
      schema: {
        tags,
        summary: '党员增减台账明细（按日期排序，分页）',
        params: IdParams,
        querystring: LedgerEntriesQuery,
        response: { 200: LedgerEntryPage, ...errorResponses },
      },
    },
    async (request) => listLedgerEntries(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/orgs/:id/ledger/export',
    {
      schema: {
        tags,
        summary: '导出党员增减台账（.xlsx：汇总与明细，记入审计）',
        params: IdParams,
        querystring: LedgerQuery,
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, stream } = await exportLedger(request.ctx, { ...request.params, ...request.query });
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', attachmentDisposition(filename, 'member-ledger.xlsx'));
      return reply.send(stream);
    },
  );
}
