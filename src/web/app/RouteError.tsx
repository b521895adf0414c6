import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

/** A page failed to render or its code failed to load (often: a new version was deployed meanwhile). */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed =
    error instanceof Error && /dynamically imported module|Importing a module/i.test(error.message);
  return (
    <Result
      status="error"
      title={chunkFailed ? '页面加载失败' : '页面出错了'}
      subTitle={
        chunkFailed
          ? '系统可能已更新，请刷新页面后重试。'
          : '请刷新页面后重试；如果问题持续，请联系系统管理员。'
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
