import { Button, Flex, Progress, Spin, Typography } from 'antd';
import type { RunPhase } from './use-import-run.ts';

/**
 * Long work shows progress (docs/design.md §4.3): the upload as a bar, then the server's work as a spinner
 * with text.
 */
export function RunProgress({
  phase,
  processingText,
  onCancel,
}: {
  phase: RunPhase;
  processingText: string;
  /** Absent once cancelling would no longer stop the work (a real import the server is committing). */
  onCancel?: (() => void) | undefined;
}) {
  if (phase.state === 'idle') return null;
  return (
    <Flex vertical align="center" gap={16} style={{ paddingBlock: 32 }} role="status" aria-live="polite">
      {phase.state === 'uploading' ? (
        <>
          <Typography.Text>正在上传文件…</Typography.Text>
          <Progress percent={phase.percent} style={{ width: 360, maxWidth: '100%' }} aria-label="上传进度" />
        </>
      ) : (
        <>
          <Spin size="large" />
          <Typography.Text>{processingText}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            数据量大时可能需要几十秒，请不要关闭页面。
          </Typography.Text>
        </>
      )}
      {onCancel ? <Button onClick={onCancel}>取消</Button> : null}
    </Flex>
  );
}
