import { IdParams } from '../../../contracts/common.ts';
import {
  ChildrenQuery,
  CreateOrgBody,
  DissolveOrgBody,
  MoveOrgBody,
  OrgDetail,
  OrgEventView,
  OrgSearchPage,
  OrgSearchQuery,
  OrgSummary,
  UpdateOrgBody,
} from '../../../contracts/orgs.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { registerFindingRoutes } from './findings.routes.ts';
import { registerLeadershipRoutes } from './leadership.routes.ts';
import { createOrg, updateOrg } from './org-edits.service.ts';
import { dissolveOrg, moveOrg } from './org-lifecycle.service.ts';
import { getOrgDetail, listEvents, listOrgChildren, listRoots, searchOrgs } from './orgs.service.ts';

const tags = ['组织管理'];

function registerOrgReads(app: App): void {
  app.get(
    '/api/orgs/roots',
    {
      schema: {
        tags,
        summary: '管辖范围的顶层组织',
        response: { 200: OrgSummary.array(), ...errorResponses },
      },
    },
    async (request) => listRoots(request.ctx),
  );
  app.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: '按名称搜索组织（管辖范围内）',
        querystring: OrgSearchQuery,
        response: { 200: OrgSearchPage, ...errorResponses },
      },
    },
    async (request) => searchOrgs(request.ctx, request.query),
  );
  app.get(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: '组织详情',
        params: IdParams,
        response: { 200: OrgDetail, ...errorResponses },
      },
    },
    async (request) => getOrgDetail(request.ctx, request.params),
  );
  app.get(
    '/api/orgs/:id/children',
    {
      schema: {
        tags,
        summary: '下级组织（组织树逐级展开）',
        params: IdParams,
        querystring: ChildrenQuery,
        response: { 200: OrgSummary.array(), ...errorResponses },
      },
    },
    async (request) => listOrgChildren(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/orgs/:id/events',
    {
      schema: {
        tags,
        summary: '组织沿革（成立、变更、调整隶属关系、撤销）',
        params: IdParams,
        response: { 200: OrgEventView.array(), ...errorResponses },
      },
    },
    async (request) => listEvents(request.ctx, request.params),
  );
}

function registerOrgWrites(app: App): void {
  app.post(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: '新建组织',
        body: CreateOrgBody,
        response: { 200: OrgDetail, ...errorResponses },
      },
    },
    async (request) => createOrg(request.ctx, request.body),
  );
  app.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: '修改组织信息',
        params: IdParams,
        body: UpdateOrgBody,
        response: { 200: OrgDetail, ...errorResponses },
      },
    },
    async (request) => updateOrg(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/orgs/:id/move',
    {
      schema: {
        tags,
        summary: '调整隶属关系（连同全部下级组织）',
        params: IdParams,
        body: MoveOrgBody,
        response: { 200: OrgDetail, ...errorResponses },
      },
    },
    async (request) => moveOrg(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/orgs/:id/dissolve',
    {
      schema: {
        tags,
        summary: '撤销组织（保留历史）',
        params: IdParams,
        body: DissolveOrgBody,
        response: { 200: OrgDetail, ...errorResponses },
      },
    },
    async (request) => dissolveOrg(request.ctx, { ...request.params, ...request.body }),
  );
}

/** The organization tree: reads, writes, leadership and findings. */
export function registerOrgRoutes(app: App): void {
  registerOrgReads(app);
  registerOrgWrites(app);
  registerLeadershipRoutes(app);
  registerFindingRoutes(app);
}
