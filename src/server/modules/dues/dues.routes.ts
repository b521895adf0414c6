import {
  ChargeList,
  ChargesQuery,
  GenerateBody,
  GenerateView,
  ReductionBody,
  ReductionDecisionBody,
  ReductionList,
  ReductionListQuery,
  ReductionParams,
  ReductionView,
} from '../../../contracts/dues-charges.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { generateCharges, listCharges } from './dues.service.ts';
import { createReduction, decideReduction, reductionsOf, withdrawReduction } from './reductions.service.ts';

const tags = ['党费'];

/** 应缴 (the monthly charges, read-only; a month generated on demand) and 减免 (recorded, approved, refused, withdrawn). */
export function registerDuesRoutes(app: App): void {
  app.get(
    '/api/dues/charges',
    {
      schema: {
        tags,
        summary: '月度应缴党费（某组织某月，或某党员若干月；只列金额，不含收入明细）',
        querystring: ChargesQuery,
        response: { 200: ChargeList, ...errorResponses },
      },
    },
    async (request) => listCharges(request.ctx, request.query),
  );
  app.post(
    '/api/dues/charges/generate',
    {
      schema: {
        tags,
        summary: '生成某月全部党员的应缴党费（每月自动生成当月；此处按需生成）',
        body: GenerateBody,
        response: { 200: GenerateView, ...errorResponses },
      },
    },
    async (request) => generateCharges(request.ctx, request.body),
  );
  app.get(
    '/api/dues/reductions',
    {
      schema: {
        tags,
        summary: '党费减免（本组织及下级党支部登记的）',
        querystring: ReductionListQuery,
        response: { 200: ReductionList, ...errorResponses },
      },
    },
    async (request) => reductionsOf(request.ctx, request.query),
  );
  app.post(
    '/api/dues/reductions',
    {
      schema: {
        tags,
        summary: '登记党费减免（党支部研究后登记，报上一级党委批准）',
        body: ReductionBody,
        response: { 200: ReductionView, ...errorResponses },
      },
    },
    async (request) => createReduction(request.ctx, request.body),
  );
  app.post(
    '/api/dues/reductions/:id/approve',
    {
      schema: {
        tags,
        summary: '批准党费减免（上一级党委）',
        params: ReductionParams,
        body: ReductionDecisionBody,
        response: { 200: ReductionView, ...errorResponses },
      },
    },
    async (request) =>
      decideReduction(request.ctx, { ...request.params, ...request.body, decision: 'approved' }),
  );
  app.post(
    '/api/dues/reductions/:id/reject',
    {
      schema: {
        tags,
        summary: '不批准党费减免（上一级党委）',
        params: ReductionParams,
        body: ReductionDecisionBody,
        response: { 200: ReductionView, ...errorResponses },
      },
    },
    async (request) =>
      decideReduction(request.ctx, { ...request.params, ...request.body, decision: 'rejected' }),
  );
  app.post(
    '/api/dues/reductions/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回待批准的党费减免（党支部）',
        params: ReductionParams,
        response: { 200: ReductionView, ...errorResponses },
      },
    },
    async (request) => withdrawReduction(request.ctx, request.params),
  );
}
