import { FindingListQuery, OrgFindingPage } from '../../../contracts/orgs.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { listFindings } from './findings.service.ts';

export function registerFindingRoutes(app: App): void {
  app.get(
    '/api/findings',
    {
      schema: {
        tags: ['合规提醒'],
        summary: '组织合规提醒（任期届满、即将届满、书记空缺），最紧急的在前',
        querystring: FindingListQuery,
        response: { 200: OrgFindingPage, ...errorResponses },
      },
    },
    async (request) => listFindings(request.ctx, request.query),
  );
}
