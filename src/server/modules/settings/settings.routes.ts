import { SettingGroupParams, SettingView, UpdateSettingBody } from '../../../contracts/settings.ts';
import type { Deps } from '../../deps.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { auditContextOf, principalOf } from '../../http/request.ts';
import { changeSettings, viewSettings } from './settings.service.ts';

export function registerSettingsRoutes(app: App, deps: Deps): void {
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
    async (request) => viewSettings(deps, principalOf(request).actor, request.params.group),
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
    async (request) =>
      changeSettings(
        deps,
        principalOf(request).actor,
        auditContextOf(request, deps.clock),
        request.params.group,
        request.body,
      ),
  );
}
