import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Modal, Tag } from 'antd';
import { useState } from 'react';
import type { MeView } from '../../../contracts/auth.ts';
import {
  useDisableSecondFactor,
  useRegenerateRecoveryCodes,
  useReloadMe,
  useSecondFactorStatus,
} from '../../api/second-factor.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { EnrolmentSteps } from '../auth/EnrolmentSteps.tsx';
import { RecoveryCodesPanel } from '../auth/RecoveryCodesPanel.tsx';
import { CodePromptModal } from './CodePromptModal.tsx';

type Dialog = 'enrol' | 'regenerate' | 'disable' | null;

/**
 * 个人设置 › 双因素认证: whether the account has a second factor and must; enrolment; new recovery codes (with a
 * code from the app); turning it off, where the role does not require it.
 */
export function SecondFactorPanel({ me }: { me: MeView }) {
  const status = useSecondFactorStatus();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableSecondFactor();
  const reloadMe = useReloadMe();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  if (status.isPending) return <LoadingState />;
  if (status.isError)
    return <ErrorState error={status.error} what="双因素认证" onRetry={() => status.refetch()} />;
  const { enabled, required, enabledAt, recoveryCodesLeft } = status.data;
  const close = () => {
    setDialog(null);
    setCodes(null);
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Alert
        type={enabled ? 'success' : required ? 'warning' : 'info'}
        showIcon
        icon={<SafetyCertificateOutlined />}
        title={
          enabled
            ? '已启用：登录时除密码外，还须输入手机身份验证器上的动态验证码。'
            : '未启用：启用后，登录时除密码外还须输入手机身份验证器上的动态验证码，密码泄露也不会被冒用。'
        }
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="状态">
          {enabled ? <Tag color="success">已启用</Tag> : <Tag>未启用</Tag>}
          {enabledAt ? `（${formatDateTime(enabledAt)} 起）` : null}
        </Descriptions.Item>
        <Descriptions.Item label="是否必须">
          {required ? '您的角色须使用双因素认证（等级保护第三级），不能关闭' : '可选'}
        </Descriptions.Item>
        {enabled ? (
          <Descriptions.Item label="剩余恢复码">
            {recoveryCodesLeft} 个
            {recoveryCodesLeft <= 3 ? (
              <Tag color="warning" style={{ marginLeft: 8 }}>
                请重新生成
              </Tag>
            ) : null}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Flex gap={8} wrap>
        {enabled ? (
          <>
            <Button onClick={() => setDialog('regenerate')}>重新生成恢复码</Button>
            {required ? null : (
              <Button danger onClick={() => setDialog('disable')}>
                关闭双因素认证
              </Button>
            )}
          </>
        ) : (
          <Button type="primary" onClick={() => setDialog('enrol')}>
            绑定身份验证器
          </Button>
        )}
      </Flex>

      <Modal
        open={dialog === 'enrol'}
        title="绑定身份验证器"
        footer={null}
        onCancel={close}
        mask={{ closable: false }}
        destroyOnHidden
      >
        <EnrolmentSteps
          username={me.username}
          onDone={() => {
            close();
            void reloadMe();
            message.success('双因素认证已启用');
          }}
        />
      </Modal>
      <CodePromptModal
        open={dialog === 'regenerate'}
        title="重新生成恢复码"
        description="新的10个恢复码将替换全部原有恢复码（包括尚未使用的）。请输入身份验证器上的验证码确认。"
        okText="生成"
        loading={regenerate.isPending}
        onSubmit={(code) => regenerate.mutateAsync(code).then((r) => setCodes(r.recoveryCodes))}
        onClose={close}
        result={codes ? <RecoveryCodesPanel username={me.username} codes={codes} /> : undefined}
      />
      <CodePromptModal
        open={dialog === 'disable'}
        title="关闭双因素认证"
        description="关闭后，登录只需密码，恢复码全部作废。请输入验证码或一个恢复码确认。"
        okText="关闭"
        danger
        acceptsRecoveryCode
        loading={disable.isPending}
        onSubmit={(code) =>
          disable.mutateAsync(code).then(() => {
            close();
            message.success('双因素认证已关闭');
          })
        }
        onClose={close}
      />
    </Flex>
  );
}
