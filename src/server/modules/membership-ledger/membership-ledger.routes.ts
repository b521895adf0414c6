import { IdParams } from '../../../contracts/common.ts';
import {
  CloseLedgerPeriodBody,
  LedgerClosingList,
  LedgerEntriesQuery,
  LedgerEntryPage,
  LedgerPeriodParams,
  LedgerQuery,
  LedgerView,
  ReopenLedgerPeriodBody,
} from '../../../contracts/ledger.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { attachmentDisposition, XLSX_TYPE, XlsxFile } from '../../http/xlsx-reply.ts';
import { closePeriod, listClosings, reopenPeriod } from './ledger-closings.service.ts';
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
  app.get(
    '/api/ledger/closings',
    {
      schema: {
        tags,
        summary: '增减台账已关账的期间（全系统）',
        response: { 200: LedgerClosingList, ...errorResponses },
      },
    },
    async (request) => listClosings(request.ctx),
  );
  app.post(
    '/api/ledger/closings',
    {
      schema: {
        tags,
        summary: '增减台账关账（半年或年度，须已结束；根组织的组织管理员，记入审计）',
        body: CloseLedgerPeriodBody,
        response: { 200: LedgerClosingList, ...errorResponses },
      },
    },
    async (request) => closePeriod(request.ctx, request.body),
  );
  app.post(
    '/api/ledger/closings/:periodEnd/reopen',
    {
      schema: {
        tags,
        summary: '取消最近一次关账（须说明原因；根组织的组织管理员，记入审计）',
        params: LedgerPeriodParams,
        body: ReopenLedgerPeriodBody,
        response: { 200: LedgerClosingList, ...errorResponses },
      },
    },
    async (request) => reopenPeriod(request.ctx, { ...request.params, ...request.body }),
  );
}
