import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type LedgerClosingList,
  type LedgerPeriod,
  useCloseLedgerPeriod,
  useReopenLedgerPeriod,
} from '../../api/ledger.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { closablePeriodEnds, periodEndLabel, periodIsClosed } from './closing-periods.ts';

type LedgerClosingsProps = {
  closings: LedgerClosingList;
  period: LedgerPeriod;
  today: string;
};

const AFTER_CLOSING: Record<LedgerClosingList['policy'], string> = {
  refuse: '此后凡会改动该期数字的变动（如补录该期的出党、死亡、调动）都将被拒绝，并说明原因。',
  correct_in_current: '此后补录的该期变动不再改动该期数字，而是作为“更正”计入当前期间。',
};

/**
 * 关账 on the 增减台账 page (docs/membership.md §8): how far the deployment is closed, the tag 已关账 on a period
 * inside it, and for the org_admin at the root the 关账 and 取消关账 buttons, each confirmed in Chinese.
 */
export function LedgerClosings({ closings, period, today }: LedgerClosingsProps) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const close = useCloseLedgerPeriod();
  const reopen = useReopenLedgerPeriod();
  const [closing, setClosing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [closeForm] = Form.useForm<{ periodEnd: string; note?: string }>();
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const latest = closings.items[0];
  const closable = closablePeriodEnds(today, closings.closedThrough);

  const submitClose = async () => {
    const values = await closeForm.validateFields();
    try {
      await close.mutateAsync({ periodEnd: values.periodEnd, ...(values.note ? { note: values.note } : {}) });
      message.success(`${periodEndLabel(values.periodEnd)}台账已关账`);
      setClosing(false);
    } catch (error) {
      handleError(error);
    }
  };
  const submitReopen = async () => {
    if (!latest) return;
    const values = await reopenForm.validateFields();
    try {
      await reopen.mutateAsync({ periodEnd: latest.periodEnd, reason: values.reason });
      message.success(`已取消${latest.label}的关账`);
      setReopening(false);
    } catch (error) {
      handleError(error);
    }
  };

  return (
    <Flex gap={12} align="center" wrap data-testid="ledger-closings">
      {periodIsClosed(period, closings.closedThrough) ? (
        <Tag color="default" icon={<LockOutlined />}>
          已关账
        </Tag>
      ) : null}
      <Typography.Text type="secondary">
        {latest
          ? `已关账至${latest.label}（${latest.closedOn} 关账${latest.closedByName ? `，${latest.closedByName}` : ''}）`
          : '尚未关账'}
      </Typography.Text>
      {closings.canClose ? (
        <>
          <Button
            size="small"
            icon={<LockOutlined />}
            disabled={closable.length === 0}
            onClick={() => setClosing(true)}
          >
            关账
          </Button>
          {latest ? (
            <Button size="small" icon={<UnlockOutlined />} onClick={() => setReopening(true)}>
              取消关账
            </Button>
          ) : null}
        </>
      ) : null}
      <Modal
        title="增减台账关账"
        open={closing}
        okText="确认关账"
        confirmLoading={close.isPending}
        onOk={submitClose}
        onCancel={() => setClosing(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          关账适用于全系统：该期及以前各期的台账数字从此固定，与已上报的数字保持一致。
          {AFTER_CLOSING[closings.policy]}
        </Typography.Paragraph>
        <Form form={closeForm} layout="vertical" initialValues={{ periodEnd: closable[0] }}>
          <Form.Item
            name="periodEnd"
            label="关账期间"
            rules={[{ required: true, message: '请选择关账期间' }]}
          >
            <Select
              aria-label="关账期间"
              options={closable.map((end) => ({
                value: end,
                label: `${periodEndLabel(end)}（截至 ${end}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label="说明（可选）" rules={[{ max: 200, message: '说明不能超过200字' }]}>
            <Input placeholder="如：已报送区委组织部" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={latest ? `取消${latest.label}的关账` : '取消关账'}
        open={reopening}
        okText="确认取消关账"
        okButtonProps={{ danger: true }}
        confirmLoading={reopen.isPending}
        onOk={submitReopen}
        onCancel={() => setReopening(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          取消后，该期的台账数字可能随补录的变动而改变，与已上报的数字不再一致。只能取消最近一次关账，操作记入审计日志。
        </Typography.Paragraph>
        <Form form={reopenForm} layout="vertical">
          <Form.Item
            name="reason"
            label="原因"
            rules={[
              { required: true, whitespace: true, message: '请填写取消关账的原因' },
              { max: 200, message: '原因不能超过200字' },
            ]}
          >
            <Input.TextArea rows={2} placeholder="如：上级组织部门要求更正" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
