import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { ReductionBody } from '../../../contracts/dues-charges.ts';
import { permissionsOf } from '../../../domain/access/index.ts';
import {
  formatYuan,
  monthLabel,
  parseYuan,
  REDUCTION_KIND_LABELS,
  REDUCTION_MAX_MONTHS,
  REDUCTION_STATUS_LABELS,
  REDUCTION_STATUSES,
  type ReductionKind,
  type ReductionStatus,
} from '../../../domain/dues/index.ts';
import { isBranchKind } from '../../../domain/org/index.ts';
import { useMe } from '../../api/auth.ts';
import {
  type ReductionItem,
  useCharges,
  useDecideReduction,
  useRecordReduction,
  useReductions,
  useWithdrawReduction,
} from '../../api/dues-charges.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { formatDate, isoDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { type OrgOption, OrgSelect } from '../../ui/OrgSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

const STATUS_COLORS: Record<ReductionStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

const RULES_TEXT =
  '依据《关于中国共产党党费收缴、使用和管理的规定》第七条：生活困难的党员少交或免交党费，由本人提出、党支部研究，报上一级党委批准（党支部不能批准本支部的减免）。' +
  `一次最长${REDUCTION_MAX_MONTHS}个月；少交金额须低于按规定应缴的金额；同一党员已批准的减免月份不能重叠。只有批准后的减免才改变应缴党费。`;

const rangeLabel = (r: { fromMonth: string; toMonth: string }) =>
  r.fromMonth === r.toMonth
    ? monthLabel(r.fromMonth)
    : `${monthLabel(r.fromMonth)}至${monthLabel(r.toMonth)}`;

type RecordValues = {
  branch: number;
  memberId: number;
  kind: ReductionKind;
  months: [Dayjs, Dayjs];
  monthlyYuan?: string;
  reason: string;
  branchDecidedOn: Dayjs;
};

/** The branch records a 少交 or 免交 it discussed, for one of the members who owe it dues this month. */
function RecordModal({
  open,
  onClose,
  initial,
}: {
  open: boolean;
  onClose: () => void;
  initial?: OrgOption;
}) {
  const [form] = Form.useForm<RecordValues>();
  const branch = Form.useWatch('branch', form);
  const kind = Form.useWatch('kind', form);
  const [thisMonth] = useState(() => dayjs().format('YYYY-MM'));
  const owing = useCharges(branch ? { orgId: branch, month: thisMonth } : undefined);
  const record = useRecordReduction();
  const handleError = useApiErrorHandler();
  const members = useMemo(() => {
    const seen = new Map<number, string>();
    for (const c of [...(owing.data?.items ?? []), ...(owing.data?.missing ?? [])])
      seen.set(c.member.id, c.member.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [owing.data]);
  const submit = async (v: RecordValues) => {
    const monthlyAmount = v.kind === 'reduce' ? parseYuan(v.monthlyYuan ?? '') : null;
    try {
      await record.mutateAsync({
        memberId: v.memberId,
        kind: v.kind,
        fromMonth: v.months[0].format('YYYY-MM'),
        toMonth: v.months[1].format('YYYY-MM'),
        monthlyAmount,
        reason: v.reason,
        branchDecidedOn: isoDate(v.branchDecidedOn),
      });
      form.resetFields();
      onClose();
    } catch (error) {
      handleError(error, { form });
    }
  };
  return (
    <Modal
      title="登记党费减免"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记（报上级批准）"
      confirmLoading={record.isPending}
      destroyOnHidden
      width={640}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={RULES_TEXT} />
      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'reduce', branch: initial?.id, branchDecidedOn: dayjs() }}
        onFinish={submit}
      >
        <Form.Item name="branch" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgSelect
            aria-label="党支部"
            initial={initial ?? null}
            disabledReason={(hit) => (isBranchKind(hit.kind) ? undefined : '请选择党支部')}
          />
        </Form.Item>
        <Form.Item
          name="memberId"
          label="党员（本月在该支部交纳党费的党员）"
          rules={[{ required: true, message: '请选择党员' }]}
        >
          <Select
            aria-label="党员"
            showSearch
            optionFilterProp="label"
            loading={owing.isFetching}
            options={members}
            placeholder={branch ? '选择党员' : '请先选择党支部'}
          />
        </Form.Item>
        <Form.Item name="kind" label="减免方式">
          <Radio.Group
            options={(['reduce', 'exempt'] as const).map((k) => ({
              value: k,
              label: REDUCTION_KIND_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="months" label="起止月份" rules={[{ required: true, message: '请选择起止月份' }]}>
          <DatePicker.RangePicker picker="month" format="YYYY年M月" aria-label="起止月份" />
        </Form.Item>
        {kind === 'reduce' ? (
          <Form.Item
            name="monthlyYuan"
            label="每月交纳（元）"
            rules={[
              { required: true, message: '请填写少交后每月交纳的金额' },
              {
                validator: (_, value: string | undefined) =>
                  !value || parseYuan(value) !== null
                    ? Promise.resolve()
                    : Promise.reject(new Error('金额格式应为元，最多两位小数')),
              },
            ]}
          >
            <Input inputMode="decimal" placeholder="例如 5.00" style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label="减免理由"
          rules={contractRules(ReductionBody.shape.reason, { required: '请写明减免的理由' })}
        >
          <Input.TextArea rows={3} placeholder="党员生活困难等情况" />
        </Form.Item>
        <Form.Item
          name="branchDecidedOn"
          label="支部研究日期"
          rules={[{ required: true, message: '请选择党支部研究的日期' }]}
        >
          <DatePicker aria-label="支部研究日期" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The level above approves or refuses, with a note. */
function DecideModal({ item, onClose }: { item: ReductionItem | null; onClose: () => void }) {
  const [note, setNote] = useState('');
  const decide = useDecideReduction();
  const handleError = useApiErrorHandler();
  const send = async (decision: 'approve' | 'reject') => {
    if (!item) return;
    try {
      await decide.mutateAsync({ id: item.id, decision, ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      onClose();
    } catch (error) {
      handleError(error);
    }
  };
  return (
    <Modal
      title="审批党费减免"
      open={item !== null}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button danger loading={decide.isPending} onClick={() => send('reject')}>
            不批准
          </Button>
          <Button type="primary" loading={decide.isPending} onClick={() => send('approve')}>
            批准
          </Button>
        </Space>
      }
    >
      {item ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {item.org.name} · {item.member.name}：{REDUCTION_KIND_LABELS[item.kind]} {rangeLabel(item)}
            {item.monthlyAmount !== null ? `，每月交纳 ${formatYuan(item.monthlyAmount)} 元` : ''}
          </Typography.Text>
          <Typography.Text type="secondary">
            理由：{item.reason}（支部研究日期 {formatDate(item.branchDecidedOn)}）
          </Typography.Text>
          <Input.TextArea
            aria-label="审批意见"
            rows={2}
            maxLength={500}
            placeholder="审批意见（可不填）"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Space>
      ) : null}
    </Modal>
  );
}

/**
 * 减免审批 (docs/dues.md §6; 第七条): the reductions recorded by the branches of an org's subtree, filtered by status;
 * a branch records one for a member, the 党委 one level up approves or refuses it, a branch withdraws a pending one.
 */
export function DuesReductionsPage() {
  const me = useMe();
  const own = me.data?.assignments.find((a) => permissionsOf(a.role).includes('dues.read'));
  const [org, setOrg] = useState<OrgOption | undefined>(undefined);
  const current = org ?? (own ? { id: own.orgId, name: own.orgName } : undefined);
  const [status, setStatus] = useState<ReductionStatus | undefined>('pending');
  const list = useReductions(current ? { orgId: current.id, ...(status ? { status } : {}) } : undefined);
  const [recording, setRecording] = useState(false);
  const [deciding, setDeciding] = useState<ReductionItem | null>(null);
  const withdraw = useWithdrawReduction();
  const handleError = useApiErrorHandler();
  const canRecord = me.data?.assignments.some((a) => permissionsOf(a.role).includes('dues.manage')) ?? false;

  const columns: TableColumnsType<ReductionItem> = [
    { title: '党员', key: 'member', width: 100, render: (_, r) => r.member.name },
    { title: '党支部', key: 'org', render: (_, r) => r.org.name },
    { title: '方式', key: 'kind', width: 70, render: (_, r) => REDUCTION_KIND_LABELS[r.kind] },
    { title: '月份', key: 'months', width: 190, render: (_, r) => rangeLabel(r) },
    {
      title: '每月交纳（元）',
      key: 'amount',
      width: 120,
      align: 'right',
      render: (_, r) => (r.monthlyAmount === null ? '0.00' : formatYuan(r.monthlyAmount)),
    },
    { title: '理由', key: 'reason', render: (_, r) => r.reason },
    {
      title: '支部研究',
      key: 'branchDecidedOn',
      width: 110,
      render: (_, r) => formatDate(r.branchDecidedOn),
    },
    {
      title: '状态',
      key: 'status',
      width: 200,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLORS[r.status]}>{REDUCTION_STATUS_LABELS[r.status]}</Tag>
          {r.decidedBy ? (
            <Typography.Text type="secondary">
              {r.decidedBy.name} {r.decidedOn ? formatDate(r.decidedOn) : ''}
              {r.decisionNote ? `：${r.decisionNote}` : ''}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, r) => (
        <Space>
          {r.canDecide ? (
            <Button size="small" type="link" onClick={() => setDeciding(r)}>
              审批
            </Button>
          ) : null}
          {r.canWithdraw ? (
            <Popconfirm
              title="撤回这项减免？"
              okText="撤回"
              cancelText="取消"
              onConfirm={() => withdraw.mutateAsync(r.id).catch((e) => handleError(e))}
            >
              <Button size="small" type="link" danger>
                撤回
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="减免审批" description={RULES_TEXT} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <div style={{ minWidth: 320 }}>
            <OrgSelect
              key={current?.id ?? 'none'}
              aria-label="组织"
              value={current?.id}
              initial={current ?? null}
              onChange={(_, o) => {
                if (o) setOrg(o);
              }}
            />
          </div>
          <Select<ReductionStatus>
            aria-label="状态"
            placeholder="全部状态"
            allowClear
            style={{ width: 160 }}
            value={status}
            onChange={(v) => setStatus(v)}
            options={REDUCTION_STATUSES.map((s) => ({ value: s, label: REDUCTION_STATUS_LABELS[s] }))}
          />
          {canRecord ? (
            <Button type="primary" onClick={() => setRecording(true)}>
              登记减免
            </Button>
          ) : null}
        </Flex>
        {list.isError ? (
          <ErrorState error={list.error} what="党费减免" onRetry={() => list.refetch()} />
        ) : (
          <Table<ReductionItem>
            rowKey="id"
            aria-label="党费减免"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: (
                <EmptyState description="暂无党费减免。党支部研究同意后，点“登记减免”报上级党委批准。" />
              ),
            }}
          />
        )}
      </Card>
      <RecordModal
        open={recording}
        onClose={() => setRecording(false)}
        {...(current ? { initial: current } : {})}
      />
      <DecideModal item={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
