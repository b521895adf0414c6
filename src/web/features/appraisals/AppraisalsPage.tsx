import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Modal, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CreateAppraisalBody } from '../../../contracts/appraisals.ts';
import {
  APPRAISAL_GRADE_LABELS,
  APPRAISAL_GRADES,
  APPRAISAL_STATUS_LABELS,
} from '../../../domain/org-life/index.ts';
import { type AppraisalSummary, useAppraisals, useCreateAppraisal } from '../../api/appraisals.ts';
import { useOrgDetail } from '../../api/orgs.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, isoDate } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { type OrgOption, OrgSelect } from '../../ui/OrgSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { useOrgLifeOrg } from './use-org-life-org.ts';
import { YearSelect } from './YearSelect.tsx';

type Values = { orgId: number; heldOn: Dayjs; note?: string };

function CreateRoundModal({
  open,
  year,
  org,
  onClose,
}: {
  open: boolean;
  year: number;
  org: OrgOption | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateAppraisal();
  const handleError = useApiErrorHandler();
  const navigate = useNavigate();
  const submit = (v: Values) =>
    create.mutate(
      { orgId: v.orgId, year, heldOn: isoDate(v.heldOn), note: v.note },
      {
        onSuccess: (round) => {
          onClose();
          navigate(`/org-life/appraisals/${round.id}`);
        },
        onError: (error) =>
          handleError(error, {
            form,
            reasonFields: { appraisal_round_exists: 'orgId', appraisal_not_branch: 'orgId' },
          }),
      },
    );
  return (
    <Modal
      open={open}
      title={`开展${year}年度民主评议党员`}
      okText="开展评议"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ orgId: org?.id, heldOn: dayjs().year() === year ? dayjs() : dayjs(`${year}-12-01`) }}
      >
        <Form.Item name="orgId" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgSelect aria-label="党支部" data-testid="appraisal-org" initial={org} />
        </Form.Item>
        <Form.Item name="heldOn" label="评议日期" rules={[{ required: true, message: '请选择评议日期' }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={contractRules(CreateAppraisalBody.shape.note)}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <Alert
        type="info"
        showIcon
        title="参评党员取自本支部（含党小组）名册：正式党员评定等次，预备党员参加评议但不评定等次。"
      />
    </Modal>
  );
}

const gradeColumns = APPRAISAL_GRADES.map((g) => ({
  title: APPRAISAL_GRADE_LABELS[g],
  key: g,
  width: 90,
  render: (_: unknown, r: AppraisalSummary) => r.gradeCounts[g],
}));

/** 民主评议党员 (支部工作条例第十八条): the rounds of the branches under an org for a year. */
export function AppraisalsPage() {
  const { orgId, year, own, go } = useOrgLifeOrg();
  const list = useAppraisals(orgId, year);
  const detail = useOrgDetail(orgId);
  // The org of the URL once loaded; the user's own org only when it is that org. Never another org in its place:
  // the round's dialog takes this as its 党支部 when it opens (seen under load: a round asked for the street).
  const shown = detail.data
    ? { id: detail.data.id, name: detail.data.name }
    : own && own.id === orgId
      ? own
      : null;
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="民主评议"
        description="民主评议党员一般每年一次：个人自评、党员互评、民主测评，由支委会或党员大会评定等次。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} disabled={!shown} onClick={() => setCreating(true)}>
            开展民主评议
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={24} wrap align="center">
          <Form.Item label="党组织（含下级）" style={{ margin: 0, minWidth: 360 }}>
            <OrgSelect
              key={`${orgId ?? 'none'}-${detail.data?.name ?? ''}`}
              aria-label="党组织"
              value={orgId}
              initial={shown}
              onChange={(id) => go({ orgId: id })}
            />
          </Form.Item>
          <Form.Item label="年度" style={{ margin: 0 }}>
            <YearSelect value={year} onChange={(y) => go({ year: y })} />
          </Form.Item>
        </Flex>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorState error={list.error} what="民主评议" onRetry={() => list.refetch()} />
        ) : (
          <Table<AppraisalSummary>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: `${year}年尚未开展民主评议：点击“开展民主评议”为党支部建立评议。` }}
            columns={[
              {
                title: '党支部',
                key: 'org',
                render: (_, r) => <Link to={`/org-life/appraisals/${r.id}`}>{r.orgName}</Link>,
              },
              { title: '评议日期', dataIndex: 'heldOn', width: 120 },
              {
                title: '状态',
                key: 'status',
                width: 100,
                render: (_, r) => (
                  <Tag color={r.status === 'closed' ? 'green' : 'blue'}>
                    {APPRAISAL_STATUS_LABELS[r.status]}
                  </Tag>
                ),
              },
              { title: '参评', dataIndex: 'participants', width: 80 },
              { title: '评定等次', dataIndex: 'graded', width: 90 },
              ...gradeColumns,
              { title: '处置中', dataIndex: 'openCases', width: 80 },
              {
                title: '提示',
                key: 'warnings',
                render: (_, r) =>
                  r.warnings.map((w) => (
                    <Tag key={w.reason} color="orange">
                      {w.message}
                    </Tag>
                  )),
              },
            ]}
          />
        )}
      </Card>
      <CreateRoundModal open={creating} year={year} org={shown} onClose={() => setCreating(false)} />
    </>
  );
}
