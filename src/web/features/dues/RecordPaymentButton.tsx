import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from '../../../domain/dues/index.ts';
import { ApiError } from '../../api/api-error.ts';
import { type PaymentInput, useRecordPayment } from '../../api/dues-ledger.ts';
import type { DuesSheetRow } from '../../api/dues-summary.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { yuanText } from './dues-display.ts';

type Values = { method: PaymentMethod; paidOn: Dayjs; paidBy?: string; externalRef?: string };

/**
 * 登记 on a row of the sheet: records what the month still owes through the ledger (POST /api/dues/payments, docs/dues.md
 * §9); a warning of the ledger (补缴 or 预交 beyond 6 months) is shown and recorded only once confirmed.
 */
export function RecordPaymentButton({ row, month }: { row: DuesSheetRow; month: string }) {
  const { message, modal } = App.useApp();
  const apiError = useApiErrorHandler();
  const record = useRecordPayment();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);

  const submit = async (values: Values, confirm = false): Promise<void> => {
    const body: PaymentInput = {
      memberId: row.memberId,
      months: [{ month }],
      method: values.method,
      paidOn: values.paidOn.format('YYYY-MM-DD'),
      paidBy: values.paidBy?.trim() || null,
      externalRef: values.externalRef?.trim() || null,
      confirm,
    };
    try {
      await record.mutateAsync(body);
      message.success(`已登记${row.name}的党费`);
      setOpen(false);
    } catch (error) {
      if (!confirm && error instanceof ApiError && error.reason === 'dues_payment_needs_confirm') {
        modal.confirm({
          title: '请确认',
          content: error.message,
          okText: '确认登记',
          cancelText: '取消',
          onOk: () => submit(values, true),
        });
        return;
      }
      apiError(error);
    }
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={`登记${row.name}的党费`}>
        登记
      </Button>
      <Modal
        title={`登记党费：${row.name}（欠缴 ${yuanText(row.owed)} 元）`}
        open={open}
        okText="登记"
        cancelText="取消"
        confirmLoading={record.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ method: 'cash', paidOn: dayjs() }}
          onFinish={(values) => submit(values)}
        >
          <Form.Item label="交纳方式" name="method" rules={[{ required: true, message: '请选择交纳方式' }]}>
            <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))} />
          </Form.Item>
          {method === 'external' ? (
            <Form.Item
              label="支付流水号"
              name="externalRef"
              rules={[{ required: true, message: '请填写支付流水号' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          <Form.Item label="交纳日期" name="paidOn" rules={[{ required: true, message: '请选择交纳日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item label="代缴人（由亲属或其他党员代交时填写）" name="paidBy">
            <Input maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
