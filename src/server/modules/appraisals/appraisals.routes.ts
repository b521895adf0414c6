import {
  AppraisalCaseView,
  AppraisalList,
  AppraisalListQuery,
  AppraisalView,
  CloseAppraisalBody,
  CreateAppraisalBody,
  CreateCaseBody,
  DeleteCaseQuery,
  OwnAppraisalBody,
  OwnAppraisalList,
  ParticipantParams,
  ReopenAppraisalBody,
  UpdateCaseBody,
  UpdateParticipantBody,
} from '../../../contracts/appraisals.ts';
import { IdParams, OkBody } from '../../../contracts/common.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { createAppraisalCase, deleteAppraisalCase, updateAppraisalCase } from './appraisal-cases.service.ts';
import {
  listOwnAppraisals,
  saveOwnAppraisal,
  updateAppraisalParticipant,
} from './appraisal-participants.service.ts';
import {
  closeAppraisal,
  createAppraisal,
  getAppraisal,
  listAppraisals,
  reopenAppraisal,
} from './appraisals.service.ts';

const tags = ['民主评议'];

function registerRoundRoutes(app: App): void {
  app.get(
    '/api/appraisals',
    {
      schema: {
        tags,
        summary: '民主评议党员（按组织子树和年度）',
        querystring: AppraisalListQuery,
        response: { 200: AppraisalList, ...errorResponses },
      },
    },
    async (request) => listAppraisals(request.ctx, request.query),
  );
  app.post(
    '/api/appraisals',
    {
      schema: {
        tags,
        summary: '开展民主评议（每个党支部每年一次；参评党员取自名册）',
        body: CreateAppraisalBody,
        response: { 200: AppraisalView, ...errorResponses },
      },
    },
    async (request) => createAppraisal(request.ctx, request.body),
  );
  app.get(
    '/api/appraisals/:id',
    {
      schema: {
        tags,
        summary: '民主评议详情（参评党员、等次、优秀比例提示、处置）',
        params: IdParams,
        response: { 200: AppraisalView, ...errorResponses },
      },
    },
    async (request) => getAppraisal(request.ctx, request.params),
  );
  app.patch(
    '/api/appraisals/:id/participants/:memberId',
    {
      schema: {
        tags,
        summary: '录入参评党员的自评、互评票数和评定等次',
        params: ParticipantParams,
        body: UpdateParticipantBody,
        response: { 200: AppraisalView, ...errorResponses },
      },
    },
    async (request) => updateAppraisalParticipant(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/appraisals/:id/close',
    {
      schema: {
        tags,
        summary: '民主评议办结（须评定全部参评党员的等次）',
        params: IdParams,
        body: CloseAppraisalBody,
        response: { 200: AppraisalView, ...errorResponses },
      },
    },
    async (request) => closeAppraisal(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/appraisals/:id/reopen',
    {
      schema: {
        tags,
        summary: '重新打开已办结的民主评议（须说明理由）',
        params: IdParams,
        body: ReopenAppraisalBody,
        response: { 200: AppraisalView, ...errorResponses },
      },
    },
    async (request) => reopenAppraisal(request.ctx, { ...request.params, ...request.body }),
  );
}

function registerCaseRoutes(app: App): void {
  app.post(
    '/api/appraisals/:id/cases',
    {
      schema: {
        tags,
        summary: '登记基本合格、不合格党员的处置（教育帮助、限期改正、劝其退党、除名）',
        params: IdParams,
        body: CreateCaseBody,
        response: { 200: AppraisalCaseView, ...errorResponses },
      },
    },
    async (request) => createAppraisalCase(request.ctx, { ...request.params, ...request.body }),
  );
  app.patch(
    '/api/appraisal-cases/:id',
    {
      schema: {
        tags,
        summary: '办理处置：登记程序步骤、办结或撤销（不改变党员状态）',
        params: IdParams,
        body: UpdateCaseBody,
        response: { 200: AppraisalCaseView, ...errorResponses },
      },
    },
    async (request) => updateAppraisalCase(request.ctx, { caseId: request.params.id, ...request.body }),
  );
  app.delete(
    '/api/appraisal-cases/:id',
    {
      schema: {
        tags,
        summary: '删除误登记的处置（仅办理中的）',
        params: IdParams,
        querystring: DeleteCaseQuery,
        response: { 200: OkBody, ...errorResponses },
      },
    },
    async (request) => deleteAppraisalCase(request.ctx, { caseId: request.params.id, ...request.query }),
  );
}

function registerOwnRoutes(app: App): void {
  app.get(
    '/api/me/appraisals',
    {
      schema: {
        tags,
        summary: '本人参加的民主评议（自评、互评）',
        response: { 200: OwnAppraisalList, ...errorResponses },
      },
    },
    async (request) => listOwnAppraisals(request.ctx),
  );
  app.put(
    '/api/me/appraisals/:id',
    {
      schema: {
        tags,
        summary: '提交本人自评和对其他党员的互评（每人一票，可改投）',
        params: IdParams,
        body: OwnAppraisalBody,
        response: { 200: OwnAppraisalList, ...errorResponses },
      },
    },
    async (request) => saveOwnAppraisal(request.ctx, { ...request.params, ...request.body }),
  );
}

/** 民主评议党员 (docs/organizational-life.md §5.1, §5.2). */
export function registerAppraisalRoutes(app: App): void {
  registerRoundRoutes(app);
  registerCaseRoutes(app);
  registerOwnRoutes(app);
}
