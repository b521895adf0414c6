import { Alert, Button, Flex, QRCode, Typography } from 'antd';
import { useState } from 'react';
import { type Meeting, useCheckInCode } from '../../api/meetings.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';

/**
 * 签到二维码: shown on the screen of the meeting room; members scan it with their phone, sign in if needed, and are
 * recorded present (扫码签到). Valid around the meeting's time only.
 */
export function CheckInCodePanel({ meeting }: { meeting: Meeting }) {
  const [shown, setShown] = useState(false);
  const code = useCheckInCode(meeting.id, shown);

  if (!shown) {
    return (
      <Flex vertical gap={12} align="flex-start">
        <Typography.Text type="secondary">
          会上展示签到二维码，党员用手机扫码登录后即签到；未能扫码的由书记在“出勤登记”中补登。
        </Typography.Text>
        <Button type="primary" onClick={() => setShown(true)}>
          显示签到二维码
        </Button>
      </Flex>
    );
  }
  if (code.isPending) return <QRCode value="" status="loading" />;
  if (code.isError) return <ErrorState error={code.error} what="签到码" onRetry={() => code.refetch()} />;
  const url = new URL(code.data.url, window.location.origin).toString();
  return (
    <Flex gap={24} wrap align="flex-start">
      <QRCode value={url} size={240} errorLevel="M" aria-label="签到二维码" />
      <Flex vertical gap={8} style={{ maxWidth: 480 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {meeting.topic}
        </Typography.Title>
        <Typography.Text>
          有效时间：{formatDateTime(code.data.validFrom)} 至 {formatDateTime(code.data.validUntil)}
        </Typography.Text>
        <Typography.Text type="secondary">扫码打开的地址：</Typography.Text>
        <Typography.Text
          copyable={{ text: url }}
          data-testid="check-in-url"
          style={{ wordBreak: 'break-all' }}
        >
          {url}
        </Typography.Text>
        {new Date(code.data.validUntil) < new Date() ? (
          <Alert type="warning" showIcon title="签到时段已过，扫码将无法签到" />
        ) : null}
      </Flex>
    </Flex>
  );
}
