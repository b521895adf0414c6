import { IdParams } from '../../../contracts/common.ts';
import {
  CommitteeTermView,
  CreatePostBody,
  EndPostBody,
  LeadershipView,
  RenewTermBody,
  RenewTermResult,
  UpdatePostBody,
} from '../../../contracts/orgs.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import {
  createPost,
  endPost,
  listLeadership,
  listTerms,
  renewTerm,
  updatePost,
} from './leadership.service.ts';

const tags = ['班子成员'];

export function registerLeadershipRoutes(app: App): void {
  app.get(
    '/api/orgs/:id/leadership',
    {
      schema: {
        tags,
        summary: '班子成员（在任与历任）',
        params: IdParams,
        response: { 200: LeadershipView.array(), ...errorResponses },
      },
    },
    async (request) => listLeadership(request.ctx, request.params),
  );
  app.post(
    '/api/orgs/:id/leadership',
    {
      schema: {
        tags,
        summary: '新增任职（委员会成员为补选，任期至本届届满）',
        params: IdParams,
        body: CreatePostBody,
        response: { 200: LeadershipView, ...errorResponses },
      },
    },
    async (request) => createPost(request.ctx, { ...request.params, ...request.body }),
  );
  app.get(
    '/api/orgs/:id/terms',
    {
      schema: {
        tags,
        summary: '委员会届期（本届与历届）',
        params: IdParams,
        response: { 200: CommitteeTermView.array(), ...errorResponses },
      },
    },
    async (request) => listTerms(request.ctx, request.params),
  );
  app.post(
    '/api/orgs/:id/terms',
    {
      schema: {
        tags,
        summary: '换届：结束本届委员会，录入新一届委员会及其成员',
        params: IdParams,
        body: RenewTermBody,
        response: { 200: RenewTermResult, ...errorResponses },
      },
    },
    async (request) => renewTerm(request.ctx, { ...request.params, ...request.body }),
  );
  app.patch(
    '/api/leadership-posts/:id',
    {
      schema: {
        tags,
        summary: '更正任职记录',
        params: IdParams,
        body: UpdatePostBody,
        response: { 200: LeadershipView, ...errorResponses },
      },
    },
    async (request) => updatePost(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/leadership-posts/:id/end',
    {
      schema: {
        tags,
        summary: '办理离任',
        params: IdParams,
        body: EndPostBody,
        response: { 200: LeadershipView, ...errorResponses },
      },
    },
    async (request) => endPost(request.ctx, { ...request.params, ...request.body }),
  );
}
