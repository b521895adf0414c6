import { Button, Flex, Form, Input, QRCode, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useConfirmEnrolment, useStartEnrolment } from '../../api/second-factor.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';

/** The base32 key in groups of four, easier to read out and type. */
export function groupedKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

type EnrolmentStepsProps = {
  username: string;
  /** After the recovery codes have been seen. */
  onDone: () => void;
  doneText?: string;
};

/**
 * 绑定身份验证器: a new key as a QR code (and as text for typing in), a code from the app to confirm it, then the
 * recovery codes, shown this once. The key takes effect only with the confirming code.
 */
export function EnrolmentSteps({ username, onDone, doneText = '我已保存恢复码，完成' }: EnrolmentStepsProps) {
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ code: string }>();
  const [codes, setCodes] = useState<string[] | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // One key per visit (React may run effects twice in development; a second key would replace the first).
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);

  if (codes) {
    return (
      <Flex vertical gap={16}>
        <Typography.Text strong>双因素认证已启用。</Typography.Text>
        <RecoveryCodesPanel username={username} codes={codes} />
        <Button type="primary" onClick={onDone}>
          {doneText}
        </Button>
      </Flex>
    );
  }
  if (start.isError) return <ErrorState error={start.error} what="密钥" onRetry={() => start.mutate()} />;
  if (!start.data) return <LoadingState />;
  const { secret, uri } = start.data;

  const submit = ({ code }: { code: string }) =>
    confirm.mutate(code.trim(), {
      onSuccess: (result) => setCodes(result.recoveryCodes),
      onError: (error) => handleError(error, { form, reasonFields: { invalid_second_factor: 'code' } }),
    });

  return (
    <Flex vertical gap={12}>
      <Typography.Text>
        1. 在手机上安装身份验证器应用（如 Microsoft Authenticator、Google Authenticator、腾讯身份验证器），
        用它扫描下方二维码。
      </Typography.Text>
      <Flex justify="center">
        <QRCode value={uri} size={180} aria-label="身份验证器二维码" />
      </Flex>
      <Typography.Text type="secondary">
        无法扫码时，在应用中选择“输入设置密钥”，账号填 {username}，密钥为：
      </Typography.Text>
      <Typography.Text code copyable={{ text: secret }} aria-label="密钥" style={{ fontSize: 15 }}>
        {groupedKey(secret)}
      </Typography.Text>
      <Typography.Text>2. 输入应用上显示的6位验证码，完成绑定。</Typography.Text>
      <Form name="enrolSecondFactor" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label="验证码"
          name="code"
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入6位数字验证码' }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={confirm.isPending}>
          确认绑定
        </Button>
      </Form>
    </Flex>
  );
}
