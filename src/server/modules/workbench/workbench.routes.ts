import { SecurityWorkbenchView, WorkbenchView } from '../../../contracts/workbench.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { viewSecurityWorkbench, viewWorkbench } from './workbench.service.ts';

export function registerWorkbenchRoutes(app: App): void {
  app.get(
    '/api/workbench',
    {
      schema: {
        tags: ['工作台'],
        summary: '工作台：待办（由规则推导）与管辖范围的主要数字',
        response: { 200: WorkbenchView, ...errorResponses },
      },
    },
    async (request) => viewWorkbench(request.ctx),
  );

  app.get(
    '/api/workbench/security',
    {
      schema: {
        tags: ['工作台'],
        summary: '安全管理员的工作台：安全策略提醒、未绑定双因素认证的管理员、被锁定的账号',
        response: { 200: SecurityWorkbenchView, ...errorResponses },
      },
    },
    async (request) => viewSecurityWorkbench(request.ctx),
  );
}
