import { App, Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { RejectTransferBody } from '../../../contracts/transfers.ts';
import {
  type TransferView,
  useCancelTransfer,
  useReceiveTransfer,
  useRejectTransfer,
} from '../../api/transfers.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, isoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

const RECEIVE_REASON_FIELDS = {
  transfer_received_before_issued: 'receivedOn',
  transfer_received_in_future: 'receivedOn',
  event_before_last_change: 'receivedOn',
};

/** 接收 / 退回 / 撤销 on a pending transfer, by its `can` flags; each says what will happen first. */
export function TransferActions({ transfer: t }: { transfer: TransferView }) {
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const receive = useReceiveTransfer();
  const reject = useRejectTransfer();
  const cancel = useCancelTransfer();
  const [open, setOpen] = useState<'receive' | 'reject' | null>(null);
  const [receiveForm] = Form.useForm<{ receivedOn: Dayjs }>();
  const [rejectForm] = Form.useForm<{ reason: string }>();

  if (!t.can.receive && !t.can.reject && !t.can.cancel) return null;
  const close = () => setOpen(null);

  const onCancel = () =>
    modal.confirm({
      title: `撤销${t.memberName}的组织关系转接？`,
      content: '撤销后这条转接作废，党员仍留在原组织；如需再转出，须重新开具介绍信并发起转接。',
      okText: '确认撤销',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () =>
        cancel
          .mutateAsync({ id: t.id, version: t.version })
          .then(() => message.success('已撤销转接'))
          .catch((error) => handleError(error)),
    });

  return (
    <Flex gap={0} wrap={false}>
      {t.can.receive ? (
        <Button
          type="link"
          size="small"
          onClick={() => setOpen('receive')}
          aria-label={`接收：${t.memberName}`}
        >
          接收
        </Button>
      ) : null}
      {t.can.reject ? (
        <Button
          type="link"
          size="small"
          danger
          onClick={() => setOpen('reject')}
          aria-label={`退回：${t.memberName}`}
        >
          退回
        </Button>
      ) : null}
      {t.can.cancel ? (
        <Button type="link" size="small" danger onClick={onCancel} aria-label={`撤销：${t.memberName}`}>
          撤销
        </Button>
      ) : null}
      <Modal
        title={`接收党员 — ${t.memberName}`}
        open={open === 'receive'}
        onCancel={close}
        okText="确认接收"
        cancelText="取消"
        confirmLoading={receive.isPending}
        destroyOnHidden
        onOk={() => receiveForm.submit()}
      >
        <Typography.Paragraph>
          接收后，{t.memberName}的组织关系由“{t.fromOrgName}”转入“{t.toOrgName}
          ”，自接收日期起计入本组织党员名册和统计，双方增减台账各记一笔。
        </Typography.Paragraph>
        <Form
          name="receiveTransfer"
          form={receiveForm}
          layout="vertical"
          initialValues={{ receivedOn: dayjs() }}
          onFinish={(v) =>
            receive.mutate(
              { id: t.id, version: t.version, receivedOn: isoDate(v.receivedOn) },
              {
                onSuccess: () => {
                  message.success(`已接收${t.memberName}`);
                  close();
                },
                onError: (error) =>
                  handleError(error, {
                    form: receiveForm,
                    knownFields: ['receivedOn'],
                    reasonFields: RECEIVE_REASON_FIELDS,
                  }),
              },
            )
          }
        >
          <Form.Item
            label="接收日期"
            name="receivedOn"
            rules={[{ required: true, message: '请选择接收日期' }]}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={`退回转接 — ${t.memberName}`}
        open={open === 'reject'}
        onCancel={close}
        okText="确认退回"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={reject.isPending}
        destroyOnHidden
        onOk={() => rejectForm.submit()}
      >
        <Typography.Paragraph>
          退回后，党员仍留在“{t.fromOrgName}
          ”，转出组织会看到退回理由。无正当理由不得拒绝接收（党员教育管理工作条例第二十五条）。
        </Typography.Paragraph>
        <Form
          name="rejectTransfer"
          form={rejectForm}
          layout="vertical"
          onFinish={(v) =>
            reject.mutate(
              { id: t.id, version: t.version, reason: v.reason.trim() },
              {
                onSuccess: () => {
                  message.success('已退回');
                  close();
                },
                onError: (error) => handleError(error, { form: rejectForm, knownFields: ['reason'] }),
              },
            )
          }
        >
          <Form.Item
            label="退回理由"
            name="reason"
            rules={contractRules(RejectTransferBody.shape.reason, { required: '请填写退回理由' })}
          >
            <Input.TextArea rows={3} placeholder="如：介绍信抬头有误，请更正后重新开具" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
