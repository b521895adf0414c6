import { IdParams } from '../../../contracts/common.ts';
import { OrgStatsView } from '../../../contracts/stats.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { orgStats } from './stats.service.ts';

export function registerStatsRoutes(app: App): void {
  app.get(
    '/api/orgs/:id/stats',
    {
      schema: {
        tags: ['统计分析'],
        summary:
          '组织及其下级的党员统计（状态、性别、民族、年龄、学历、工作岗位、入党时间、人员类别）与组织数',
        params: IdParams,
        response: { 200: OrgStatsView, ...errorResponses },
      },
    },
    async (request) => orgStats(request.ctx, request.params),
  );
}
