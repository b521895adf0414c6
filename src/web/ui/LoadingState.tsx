import { Flex, Spin } from 'antd';

export function LoadingState({
  tip = '加载中…',
  fullScreen = false,
}: {
  tip?: string;
  fullScreen?: boolean;
}) {
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap={12}
      style={{ minHeight: fullScreen ? '100vh' : 240 }}
      role="status"
      aria-live="polite"
    >
      <Spin size="large" />
      <span>{tip}</span>
    </Flex>
  );
}
