import { IdParams } from '../../../contracts/common.ts';
import {
  CloseLapseCaseBody,
  LapseCaseList,
  LapseCaseListQuery,
  LapseCaseView,
  LapseStepBody,
  MemberLapseCases,
  OpenLapseCaseBody,
} from '../../../contracts/lapse-cases.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import {
  closeLapseCase,
  getLapseCase,
  listLapseCases,
  memberLapseCases,
  openLapseCase,
  recordLapseStep,
} from './lapse-cases.service.ts';

const tags = ['党员管理'];

/** 党章第九条 cases (自行脱党情形, docs/membership.md §6). */
export function registerLapseCaseRoutes(app: App): void {
  app.post(
    '/api/lapse-cases',
    {
      schema: {
        tags,
        summary: '立案：党员连续6个月不参加组织生活或不交纳党费（党章第九条），须有该党员的6个月待办',
        body: OpenLapseCaseBody,
        response: { 200: LapseCaseView, ...errorResponses },
      },
    },
    async (request) => openLapseCase(request.ctx, request.body),
  );
  app.get(
    '/api/lapse-cases',
    {
      schema: {
        tags,
        summary: '自行脱党情形案件（管辖范围内，可按组织、党员、状态、情形筛选）',
        querystring: LapseCaseListQuery,
        response: { 200: LapseCaseList, ...errorResponses },
      },
    },
    async (request) => listLapseCases(request.ctx, request.query),
  );
  app.get(
    '/api/lapse-cases/:id',
    {
      schema: {
        tags,
        summary: '一件自行脱党情形案件及其办理步骤',
        params: IdParams,
        response: { 200: LapseCaseView, ...errorResponses },
      },
    },
    async (request) => getLapseCase(request.ctx, request.params),
  );
  app.post(
    '/api/lapse-cases/:id/steps',
    {
      schema: {
        tags,
        summary: '记录办理步骤（核实情况、与本人谈话、支部大会讨论决定、报上级批准）的日期和说明',
        params: IdParams,
        body: LapseStepBody,
        response: { 200: LapseCaseView, ...errorResponses },
      },
    },
    async (request) => recordLapseStep(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/lapse-cases/:id/close',
    {
      schema: {
        tags,
        summary: '办结：有正当理由、限期改正或按自行脱党除名（除名在党员信息中办理出党）',
        params: IdParams,
        body: CloseLapseCaseBody,
        response: { 200: LapseCaseView, ...errorResponses },
      },
    },
    async (request) => closeLapseCase(request.ctx, { ...request.params, ...request.body }),
  );
  app.get(
    '/api/members/:id/lapse-cases',
    {
      schema: {
        tags,
        summary: '党员的自行脱党情形案件，以及各情形当前能否立案',
        params: IdParams,
        response: { 200: MemberLapseCases, ...errorResponses },
      },
    },
    async (request) => memberLapseCases(request.ctx, request.params),
  );
}
