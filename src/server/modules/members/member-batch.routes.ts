import { IdParams } from '../../../contracts/common.ts';
import { BatchMoveBody, BatchResult, MoveMemberBody } from '../../../contracts/member-batch.ts';
import { MemberDetail } from '../../../contracts/members.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { moveMember, moveMembers } from './member-moves.service.ts';

const tags = ['党员管理'];

/** 调整党小组, for one member and for the roster's selection (批量操作; docs/membership.md §2). */
export function registerMemberMoves(app: App): void {
  app.post(
    '/api/members/:id/move',
    {
      schema: {
        tags,
        summary: '调整党小组（在本党支部的党小组之间，或调回党支部本身）',
        params: IdParams,
        body: MoveMemberBody,
        response: { 200: MemberDetail, ...errorResponses },
      },
    },
    async (request) => moveMember(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/members/batch/move',
    {
      schema: {
        tags,
        summary:
          '批量调整党小组（勾选的党员或当前筛选条件下的全部党员；须都在目标组织所属的党支部，否则整批不办理）',
        body: BatchMoveBody,
        response: { 200: BatchResult, ...errorResponses },
      },
    },
    async (request) => moveMembers(request.ctx, request.body),
  );
}
