import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/api-error.ts';
import { applyServerErrors, type ServerErrorMapping } from './form-errors.ts';

export type ApiErrorHandling = ServerErrorMapping & {
  form?: FormInstance;
  /** Reload the record after a stale-version conflict (409). */
  onConflict?: () => void;
};

export const STALE_VERSION_MESSAGE = '该记录已被他人修改，已为您重新加载最新内容，请核对后再操作';

/**
 * The one way a page reports a failed request: the server's Chinese message, issues on their fields, a
 * reload after a stale version. 401 and a pending password change are handled globally (redirects).
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, handling: ApiErrorHandling = {}) => {
      if (!(error instanceof ApiError)) {
        message.error('操作失败，请稍后重试');
        return;
      }
      if (error.status === 401 || error.reason === 'password_change_required') return;
      if (error.isStaleVersion) {
        message.warning(STALE_VERSION_MESSAGE);
        handling.onConflict?.();
        return;
      }
      const { unmapped } = handling.form
        ? applyServerErrors(handling.form, error, handling)
        : { unmapped: error.issues.map((i) => i.message) };
      message.error(unmapped.length > 0 ? `${error.message}：${unmapped.join('；')}` : error.message);
    },
    [message],
  );
}
