import { SettingGroupParams, SettingView, UpdateSettingBody } from '../../../contracts/settings.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { changeSettings, viewSettings } from './settings.service.ts';

export function registerSettingsRoutes(app: App): void {
  const tags = ['参数配置'];
  app.get(
    '/api/settings/:group',
    {
      schema: {
        tags,
        summary: '读取一组参数（security：安全管理员；org：系统管理员）',
        params: SettingGroupParams,
        response: { 200: SettingView, ...errorResponses },
      },
    },
    async (request) => viewSettings(request.ctx, request.params),
  );
  app.put(
    '/api/settings/:group',
    {
      schema: {
        tags,
        summary: '修改一组参数',
        params: SettingGroupParams,
        body: UpdateSettingBody,
        response: { 200: SettingView, ...errorResponses },
      },
    },
    async (request) => changeSettings(request.ctx, { ...request.params, ...request.body }),
  );
}
