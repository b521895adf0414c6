import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PaymentBody, ReverseBody } from '../../../contracts/dues-ledger.ts';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from '../../../domain/dues/index.ts';
import { ApiError } from '../../api/api-error.ts';
import {
  type LedgerEntryView,
  type MemberDuesView,
  type PaymentInput,
  useMemberDues,
  useRecordPayment,
  useReverseEntry,
} from '../../api/dues-ledger.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, formatDate, isoDate } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { monthStanding, yuan } from '../me-dues/dues-text.ts';

type Month = MemberDuesView['months'][number];

function thisMonth(): string {
  return dayjs().format('YYYY-MM');
}

type PaymentValues = {
  months: string[];
  method: PaymentMethod;
  paidOn: Dayjs;
  paidBy?: string;
  externalRef?: string;
  prepaymentConsentBy?: string;
};

/** 登记缴费: months (the unpaid ones by default, each at what it still owes), how and when; warnings confirmed. */
function PaymentModal({ view, onClose }: { view: MemberDuesView; onClose: () => void }) {
  const [form] = Form.useForm<PaymentValues>();
  const record = useRecordPayment();
  const handleError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const current = thisMonth();
  const owing = view.months.filter((m) => m.balance > 0 && m.month <= current).map((m) => m.month);
  // The months offered: those charged and not paid in full, and the next six for 预交.
  const ahead = Array.from({ length: 6 }, (_, i) =>
    dayjs()
      .add(i + 1, 'month')
      .format('YYYY-MM'),
  );
  const options = [...new Set([...view.months.filter((m) => m.balance > 0).map((m) => m.month), ...ahead])]
    .sort()
    .map((m) => ({ value: m, label: `${m.replace('-', '年')}月` }));
  const method = Form.useWatch('method', form);
  const chosen = Form.useWatch('months', form) ?? [];

  const submit = (v: PaymentValues, confirm: boolean) => {
    const body: PaymentInput = {
      memberId: view.member.id,
      months: v.months.map((month) => ({ month })),
      method: v.method,
      paidOn: isoDate(v.paidOn),
      paidBy: v.paidBy ?? null,
      externalRef: v.externalRef ?? null,
      prepaymentConsentBy: v.prepaymentConsentBy ?? null,
      confirm,
    };
    record.mutate(body, {
      onSuccess: (res) => {
        message.success(`已登记${res.entries.length}个月的党费，收据号 ${res.receipt}`);
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.reason === 'dues_payment_needs_confirm') {
          modal.confirm({
            title: '请确认后登记',
            content: e.message,
            okText: '确认登记',
            cancelText: '返回修改',
            onOk: () => submit(v, true),
          });
          return;
        }
        handleError(e, {
          form,
          reasonFields: {
            dues_month_paid_in_full: 'months',
            dues_payment_before_admission: 'months',
            dues_payment_amount_required: 'months',
            dues_prepayment_without_consent: 'prepaymentConsentBy',
            dues_paid_on_future: 'paidOn',
            dues_payment_not_verified: 'externalRef',
          },
        });
      },
    });
  };

  return (
    <Modal
      open
      title={`登记缴费：${view.member.name}`}
      okText="登记"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
    >
      <Form<PaymentValues>
        form={form}
        layout="vertical"
        initialValues={{ months: owing, method: 'cash', paidOn: dayjs() }}
        onFinish={(v) => submit(v, false)}
      >
        <Form.Item
          name="months"
          label="交纳月份（每月按尚欠金额登记）"
          rules={[{ required: true, message: '请选择要交纳的月份' }]}
        >
          <Select aria-label="交纳月份" mode="multiple" options={options} />
        </Form.Item>
        {chosen.some((m) => m > current) ? (
          <Form.Item
            name="prepaymentConsentBy"
            label="预交须经党支部同意：同意人"
            rules={contractRules(PaymentBody.shape.prepaymentConsentBy, { required: '请填写同意预交的人' })}
          >
            <Input aria-label="同意人" />
          </Form.Item>
        ) : null}
        <Form.Item name="method" label="交纳方式" rules={[{ required: true, message: '请选择交纳方式' }]}>
          <Select
            aria-label="交纳方式"
            options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
          />
        </Form.Item>
        {method === 'external' || method === 'bank_transfer' ? (
          <Form.Item
            name="externalRef"
            label={method === 'external' ? '支付流水号' : '银行流水号（可选）'}
            rules={contractRules(
              PaymentBody.shape.externalRef,
              method === 'external' ? { required: '请填写支付流水号' } : {},
            )}
          >
            <Input aria-label="流水号" />
          </Form.Item>
        ) : null}
        <Form.Item name="paidOn" label="交纳日期" rules={[{ required: true, message: '请选择交纳日期' }]}>
          <DatePicker format={DATE_FORMAT} aria-label="交纳日期" />
        </Form.Item>
        <Form.Item
          name="paidBy"
          label="代交人（亲属或其他党员代交时填写）"
          rules={contractRules(PaymentBody.shape.paidBy)}
        >
          <Input aria-label="代交人" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 冲正: one entry, with its reason; the month then owes again and a new payment corrects it. */
function ReverseModal({ entry, onClose }: { entry: LedgerEntryView; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const reverse = useReverseEntry();
  const handleError = useApiErrorHandler();
  return (
    <Modal
      open
      title="冲正交纳记录"
      okText="冲正"
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reverse.isPending}
    >
      <Typography.Paragraph>
        {entry.month ? `${entry.month.replace('-', '年')}月` : '特殊党费'} {yuan(entry.amount)}（
        {formatDate(entry.paidOn)}
        {entry.methodLabel ? ` ${entry.methodLabel}` : ''}
        ）。交纳记录不能修改或删除，冲正后如需更正请重新登记。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          reverse.mutate(
            { entryId: entry.id, reason: v.reason },
            { onSuccess: onClose, onError: (e) => handleError(e, { form }) },
          )
        }
      >
        <Form.Item
          name="reason"
          label="冲正原因"
          rules={contractRules(ReverseBody.shape.reason, { required: '请写明冲正原因' })}
        >
          <Input.TextArea aria-label="冲正原因" rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 党费 on the member's page: the months (应缴 / 实缴 / 欠缴 and why), arrears, entries; 登记缴费 and 冲正 for dues.manage. */
export function MemberDuesTab({ memberId }: { memberId: number }) {
  const dues = useMemberDues(memberId);
  const [paying, setPaying] = useState(false);
  const [reversing, setReversing] = useState<LedgerEntryView | null>(null);
  if (dues.isPending) return <LoadingState />;
  if (dues.isError) return <ErrorState error={dues.error} what="党费" onRetry={() => dues.refetch()} />;
  const view = dues.data;
  const current = thisMonth();
  return (
    <Flex vertical gap={12}>
      {view.arrears.warning ? (
        <Alert type={view.arrears.run >= 6 ? 'error' : 'warning'} showIcon title={view.arrears.warning} />
      ) : view.arrears.total > 0 ? (
        <Alert
          type="info"
          showIcon
          title={`欠缴${view.arrears.months.length}个月，共${yuan(view.arrears.total)}`}
        />
      ) : null}
      {view.can.pay ? (
        <Flex>
          <Button type="primary" onClick={() => setPaying(true)}>
            登记缴费
          </Button>
        </Flex>
      ) : null}
      <Table<Month>
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={view.months}
        columns={[
          { title: '月份', dataIndex: 'label' },
          { title: '应缴', render: (_, m) => (m.charged === null ? '—' : yuan(m.charged)) },
          { title: '实缴', render: (_, m) => yuan(m.paid) },
          { title: '欠缴', render: (_, m) => (m.balance > 0 ? yuan(m.balance) : '—') },
          {
            title: '状态',
            render: (_, m) => {
              const s = monthStanding(m, m.month >= current);
              return <Tag color={s.color}>{s.text}</Tag>;
            },
          },
          { title: '计算依据', render: (_, m) => m.why?.explanation ?? '—' },
        ]}
      />
      <Typography.Title level={5}>交纳记录</Typography.Title>
      <Table<LedgerEntryView>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={view.entries}
        columns={[
          { title: '类别', dataIndex: 'kindLabel' },
          { title: '月份', render: (_, e) => e.month ?? '—' },
          { title: '金额', render: (_, e) => yuan(e.amount) },
          { title: '交纳日期', render: (_, e) => formatDate(e.paidOn) },
          { title: '方式', render: (_, e) => e.methodLabel ?? '—' },
          { title: '收缴组织', render: (_, e) => e.collectingOrg.name },
          { title: '收据号', dataIndex: 'receipt' },
          {
            title: '备注',
            render: (_, e) =>
              [
                e.paidBy ? `代交：${e.paidBy}` : '',
                e.reason ?? '',
                e.toCentre ? '全部上缴中央' : '',
                e.reversedById ? '已冲正' : '',
              ]
                .filter(Boolean)
                .join('；') || '—',
          },
          {
            title: '操作',
            render: (_, e) =>
              e.can.reverse ? (
                <Button size="small" danger onClick={() => setReversing(e)}>
                  冲正
                </Button>
              ) : null,
          },
        ]}
      />
      {paying ? <PaymentModal view={view} onClose={() => setPaying(false)} /> : null}
      {reversing ? <ReverseModal entry={reversing} onClose={() => setReversing(null)} /> : null}
    </Flex>
  );
}
