import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Space } from 'antd';

type CopyableSecretProps = {
  /** The secret: a token or a temporary password, shown this once. */
  value: string;
  label: string;
  warning: string;
};

/** A secret the server shows only once: read-only, with a copy button and a warning to keep it now. */
export function CopyableSecret({ value, label, warning }: CopyableSecretProps) {
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      message.success('已复制到剪贴板');
    } catch {
      message.warning('无法访问剪贴板，请手动选中复制');
    }
  };
  return (
    <Flex vertical gap={12}>
      <Alert type="warning" showIcon title={warning} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={value}
          aria-label={label}
          style={{ fontFamily: 'monospace' }}
          onFocus={(e) => e.target.select()}
        />
        <Button icon={<CopyOutlined />} onClick={copy}>
          复制
        </Button>
      </Space.Compact>
    </Flex>
  );
}
