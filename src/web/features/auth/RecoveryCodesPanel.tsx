import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';

/** The text of the recovery codes as copied or downloaded: who they are for, and one code a line. */
export function recoveryCodesText(username: string, codes: readonly string[]): string {
  return [
    `基层 Jiceng 双因素认证恢复码（账号：${username}）`,
    '每个恢复码只能使用一次。手机丢失或无法使用身份验证器时，在登录的验证码处输入其中一个。',
    '',
    ...codes,
    '',
  ].join('\n');
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Recovery codes, shown once: to copy, download or write down before the dialog closes. */
export function RecoveryCodesPanel({ username, codes }: { username: string; codes: readonly string[] }) {
  const { message } = App.useApp();
  const text = recoveryCodesText(username, codes);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      message.success('恢复码已复制到剪贴板');
    } catch {
      message.warning('无法访问剪贴板，请下载或手动抄写');
    }
  };
  return (
    <Flex vertical gap={12}>
      <Alert
        type="warning"
        showIcon
        title="恢复码只显示这一次"
        description="请下载或抄写后妥善保管（不要与手机放在一起）。手机丢失时，每个恢复码可代替验证码登录一次。"
      />
      <ul
        aria-label="恢复码"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, 1fr)',
          gap: '4px 24px',
          listStyle: 'none',
          padding: 0,
          margin: 0,
          fontFamily: 'monospace',
          fontSize: 15,
        }}
      >
        {codes.map((code) => (
          <li key={code}>
            <Typography.Text code>{code}</Typography.Text>
          </li>
        ))}
      </ul>
      <Flex gap={8}>
        <Button icon={<CopyOutlined />} onClick={copy}>
          复制全部
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download(`jiceng-recovery-codes-${username}.txt`, text)}
        >
          下载
        </Button>
      </Flex>
    </Flex>
  );
}
