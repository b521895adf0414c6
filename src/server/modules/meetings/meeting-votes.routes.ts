import { IdParams } from '../../../contracts/common.ts';
import { CreateVoteBody, VoteView } from '../../../contracts/meeting-votes.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { createVote, listVotes } from './votes.service.ts';

const tags = ['组织生活'];

/** The votes of a closed 支部党员大会. */
export function registerVoteRoutes(app: App): void {
  app.post(
    '/api/meetings/:id/votes',
    {
      schema: {
        tags,
        summary: '登记表决结果（已办结的支部党员大会；按应到会有表决权党员的过半数判断是否通过）',
        params: IdParams,
        body: CreateVoteBody,
        response: { 200: VoteView, ...errorResponses },
      },
    },
    async (request) => createVote(request.ctx, { ...request.params, ...request.body }),
  );
  app.get(
    '/api/meetings/:id/votes',
    {
      schema: {
        tags,
        summary: '会议表决记录',
        params: IdParams,
        response: { 200: VoteView.array(), ...errorResponses },
      },
    },
    async (request) => listVotes(request.ctx, request.params),
  );
}
