import { IdParams } from '../../../contracts/common.ts';
import {
  EntryParams,
  LedgerEntryList,
  LedgerEntryView,
  MemberDuesQuery,
  MemberDuesView,
  PaymentBody,
  PaymentListQuery,
  PaymentResult,
  ReverseBody,
  SpecialDuesBody,
} from '../../../contracts/dues-ledger.ts';
import type { Deps } from '../../deps.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import {
  listPayments,
  memberDuesOf,
  myDues,
  recordPayment,
  recordSpecialDues,
  reverseEntry,
} from './dues-ledger.service.ts';

const tags = ['党费'];

/** 党费交纳: payments, reversals, 特殊党费, the entries, a member's months and the member's own. */
export function registerDuesLedgerRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/dues/payments',
    {
      schema: {
        tags,
        summary: '登记交纳党费（每月一条；补缴、预交超过6个月须确认；线上支付先核验流水号；记入审计）',
        body: PaymentBody,
        response: { 200: PaymentResult, ...errorResponses },
      },
    },
    async (request) => recordPayment(request.ctx, request.body, deps.payments),
  );
  app.post(
    '/api/dues/payments/:entryId/reverse',
    {
      schema: {
        tags,
        summary: '冲正一笔党费交纳记录（写明原因，每笔只能冲正一次；记入审计）',
        params: EntryParams,
        body: ReverseBody,
        response: { 200: LedgerEntryView, ...errorResponses },
      },
    },
    async (request) => reverseEntry(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/dues/special',
    {
      schema: {
        tags,
        summary: '登记特殊党费（自愿一次性交纳，1000元以上全部上缴中央；记入审计）',
        body: SpecialDuesBody,
        response: { 200: LedgerEntryView, ...errorResponses },
      },
    },
    async (request) => recordSpecialDues(request.ctx, request.body, deps.payments),
  );
  app.get(
    '/api/dues/payments',
    {
      schema: {
        tags,
        summary: '党费交纳记录（某党员，或某党组织及下级）',
        querystring: PaymentListQuery,
        response: { 200: LedgerEntryList, ...errorResponses },
      },
    },
    async (request) => listPayments(request.ctx, request.query),
  );
  app.get(
    '/api/members/:id/dues',
    {
      schema: {
        tags,
        summary: '党员的党费：逐月应缴、实缴、欠缴及计算依据，欠缴提醒，交纳记录',
        params: IdParams,
        querystring: MemberDuesQuery,
        response: { 200: MemberDuesView, ...errorResponses },
      },
    },
    async (request) => memberDuesOf(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/me/dues',
    {
      schema: {
        tags,
        summary: '我的党费（党员本人）',
        querystring: MemberDuesQuery,
        response: { 200: MemberDuesView, ...errorResponses },
      },
    },
    async (request) => myDues(request.ctx, request.query),
  );
}
