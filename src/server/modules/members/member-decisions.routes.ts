import { IdParams } from '../../../contracts/common.ts';
import {
  ApproveDecisionBody,
  PendingDecisionList,
  PendingDecisionsQuery,
  RecordDecisionBody,
  WithdrawDecisionBody,
} from '../../../contracts/member-decisions.ts';
import { MemberDetail } from '../../../contracts/members.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import {
  approveDecision,
  listPendingDecisions,
  recordDecision,
  withdrawDecision,
} from './member-decisions.service.ts';

const tags = ['党员管理'];

/** 支部大会 decisions and the approval of the level above (docs/membership.md §12). */
export function registerMemberDecisionRoutes(app: App): void {
  app.post(
    '/api/members/:id/decisions',
    {
      schema: {
        tags,
        summary: '录入支部大会决定（转正、延长预备期、出党）；附上级批准则即时生效，否则待上级批准',
        params: IdParams,
        body: RecordDecisionBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => recordDecision(request.ctx, { ...request.params, ...request.body }),
  );
  app.get(
    '/api/member-decisions',
    {
      schema: {
        tags,
        summary: '待上级批准的决定（管辖范围内，可按组织筛选）',
        querystring: PendingDecisionsQuery,
        response: { 200: PendingDecisionList, ...errorResponses },
      },
    },
    async (request) => listPendingDecisions(request.ctx, request.query),
  );
  app.post(
    '/api/member-decisions/:id/approve',
    {
      schema: {
        tags,
        summary: '录入上级党组织的批准（批准机关、批准日期、批复文号），决定随即生效',
        params: IdParams,
        body: ApproveDecisionBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => approveDecision(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/member-decisions/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回待上级批准的决定',
        params: IdParams,
        body: WithdrawDecisionBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => withdrawDecision(request.ctx, { ...request.params, ...request.body }),
  );
}
