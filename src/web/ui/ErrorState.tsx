import { Button, Result } from 'antd';
import { ApiError } from '../api/api-error.ts';

type ErrorStateProps = {
  error: unknown;
  /** What failed to load, e.g. “组织详情”. */
  what?: string;
  onRetry?: () => void;
};

/** A failed load: the server's message, and a way to try again. */
export function ErrorState({ error, what = '数据', onRetry }: ErrorStateProps) {
  const notFound = error instanceof ApiError && error.status === 404;
  const message = error instanceof ApiError ? error.message : '请检查网络后重试';
  return (
    <Result
      status={notFound ? '404' : 'warning'}
      title={notFound ? `${what}不存在或不在您的管辖范围内` : `${what}加载失败`}
      subTitle={notFound ? undefined : message}
      extra={
        onRetry && !notFound ? (
          <Button type="primary" onClick={onRetry}>
            重新加载
          </Button>
        ) : undefined
      }
    />
  );
}
