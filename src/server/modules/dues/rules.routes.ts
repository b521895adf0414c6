import { OkBody } from '../../../contracts/common.ts';
import {
  DuesRuleSetBody,
  DuesRuleSetParams,
  DuesRuleSetUpdateBody,
  DuesRuleSetView,
  DuesRulesView,
} from '../../../contracts/dues-rules.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { changeDuesRuleSet, createDuesRuleSet, duesRuleSets, removeDuesRuleSet } from './rules.service.ts';

const tags = ['党费'];

/** 党费收缴标准: the versions of the dues rules (docs/dues.md §7), read and edited. */
export function registerDuesRuleRoutes(app: App): void {
  app.get(
    '/api/dues/rules',
    {
      schema: {
        tags,
        summary: '党费收缴标准的各个版本（现行、历史、待生效：比例、固定金额、取整、核定方式）',
        response: { 200: DuesRulesView, ...errorResponses },
      },
    },
    async (request) => duesRuleSets(request.ctx),
  );
  app.post(
    '/api/dues/rules',
    {
      schema: {
        tags,
        summary: '新建党费收缴标准版本（今后某月1日起生效；全部署的系统管理员；记入审计）',
        body: DuesRuleSetBody,
        response: { 200: DuesRuleSetView, ...errorResponses },
      },
    },
    async (request) => createDuesRuleSet(request.ctx, request.body),
  );
  app.put(
    '/api/dues/rules/:version',
    {
      schema: {
        tags,
        summary: '修改尚未生效的党费收缴标准版本（全部署的系统管理员；记入审计）',
        params: DuesRuleSetParams,
        body: DuesRuleSetUpdateBody,
        response: { 200: DuesRuleSetView, ...errorResponses },
      },
    },
    async (request) => changeDuesRuleSet(request.ctx, { ...request.body, current: request.params.version }),
  );
  app.delete(
    '/api/dues/rules/:version',
    {
      schema: {
        tags,
        summary: '删除尚未生效的党费收缴标准版本（全部署的系统管理员；记入审计）',
        params: DuesRuleSetParams,
        response: { 200: OkBody, ...errorResponses },
      },
    },
    async (request) => removeDuesRuleSet(request.ctx, request.params),
  );
}
