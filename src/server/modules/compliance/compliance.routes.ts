import { IdParams, OkBody } from '../../../contracts/common.ts';
import {
  ComplianceQuery,
  ComplianceView,
  ExemptionBody,
  ExemptionList,
  ExemptionListQuery,
  ExemptionParams,
  ExemptionView,
  HeatmapQuery,
  HeatmapView,
  RuleSetBody,
  RuleSetList,
  RuleSetParams,
  RuleSetUpdateBody,
  RuleSetView,
} from '../../../contracts/compliance.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { complianceHeatmap, orgCompliance } from './compliance.service.ts';
import { createExemption, exemptionsOf, removeExemption } from './exemptions.service.ts';
import { changeRuleSet, complianceRules, createRuleSet, removeRuleSet } from './rules.service.ts';

const tags = ['组织生活'];

/** 组织生活达标: a subtree's figures for a period, the heat map of a year, the exemptions, the rules and their versions. */
export function registerComplianceRoutes(app: App): void {
  app.get(
    '/api/orgs/:id/compliance',
    {
      schema: {
        tags,
        summary: '组织生活达标情况（本组织及下级：达标率、未达要求、未办结、即将到期；本组织的问题清单）',
        params: IdParams,
        querystring: ComplianceQuery,
        response: { 200: ComplianceView, ...errorResponses },
      },
    },
    async (request) => orgCompliance(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/orgs/:id/compliance/heatmap',
    {
      schema: {
        tags,
        summary: '组织生活达标热力图（下级组织 × 12个月）',
        params: IdParams,
        querystring: HeatmapQuery,
        response: { 200: HeatmapView, ...errorResponses },
      },
    },
    async (request) => complianceHeatmap(request.ctx, { ...request.params, ...request.query }),
  );
  app.get(
    '/api/orgs/:id/compliance/exemptions',
    {
      schema: {
        tags,
        summary: '免于考核记录（本组织及下级）',
        params: IdParams,
        querystring: ExemptionListQuery,
        response: { 200: ExemptionList, ...errorResponses },
      },
    },
    async (request) => exemptionsOf(request.ctx, { ...request.params, ...request.query }),
  );
  app.post(
    '/api/orgs/:id/compliance/exemptions',
    {
      schema: {
        tags,
        summary: '批准免于考核（上级党组织，写明理由；记入审计）',
        params: IdParams,
        body: ExemptionBody,
        response: { 200: ExemptionView, ...errorResponses },
      },
    },
    async (request) => createExemption(request.ctx, { ...request.params, ...request.body }),
  );
  app.delete(
    '/api/orgs/:id/compliance/exemptions/:exemptionId',
    {
      schema: {
        tags,
        summary: '撤销免于考核（上级党组织；记入审计）',
        params: ExemptionParams,
        response: { 200: OkBody, ...errorResponses },
      },
    },
    async (request) => removeExemption(request.ctx, request.params),
  );
  app.get(
    '/api/compliance/rules',
    {
      schema: {
        tags,
        summary: '组织生活考核规则（各版本：现行、历史、待生效）',
        response: { 200: RuleSetList, ...errorResponses },
      },
    },
    async (request) => complianceRules(request.ctx),
  );
  app.post(
    '/api/compliance/rules',
    {
      schema: {
        tags,
        summary: '新建组织生活考核规则版本（今后某月1日起生效；系统管理员；记入审计）',
        body: RuleSetBody,
        response: { 200: RuleSetView, ...errorResponses },
      },
    },
    async (request) => createRuleSet(request.ctx, request.body),
  );
  app.put(
    '/api/compliance/rules/:version',
    {
      schema: {
        tags,
        summary: '修改尚未生效的考核规则版本（系统管理员；记入审计）',
        params: RuleSetParams,
        body: RuleSetUpdateBody,
        response: { 200: RuleSetView, ...errorResponses },
      },
    },
    async (request) => changeRuleSet(request.ctx, { ...request.body, current: request.params.version }),
  );
  app.delete(
    '/api/compliance/rules/:version',
    {
      schema: {
        tags,
        summary: '删除尚未生效的考核规则版本（系统管理员；记入审计）',
        params: RuleSetParams,
        response: { 200: OkBody, ...errorResponses },
      },
    },
    async (request) => removeRuleSet(request.ctx, request.params),
  );
}
