import { Alert, Button, Card, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  APPRAISAL_GRADE_LABELS,
  APPRAISAL_GRADES,
  APPRAISAL_STATUS_LABELS,
} from '../../../domain/org-life/index.ts';
import {
  type AppraisalView,
  useAppraisal,
  useCloseAppraisal,
  useReopenAppraisal,
} from '../../api/appraisals.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { AppraisalCases } from './AppraisalCases.tsx';
import { ParticipantTable } from './ParticipantTable.tsx';

function RoundActions({ round, refetch }: { round: AppraisalView; refetch: () => void }) {
  const close = useCloseAppraisal();
  const reopen = useReopenAppraisal();
  const handleError = useApiErrorHandler();
  const [reopening, setReopening] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (!round.can.manage) return null;
  return (
    <Space>
      {round.status === 'open' ? (
        <Button
          type="primary"
          loading={close.isPending}
          onClick={() =>
            close.mutate(
              { id: round.id, version: round.version },
              { onError: (e) => handleError(e, { onConflict: refetch }) },
            )
          }
        >
          办结评议
        </Button>
      ) : (
        <Button onClick={() => setReopening(true)}>重新打开</Button>
      )}
      <Modal
        open={reopening}
        title="重新打开民主评议"
        okText="重新打开"
        onOk={() => form.submit()}
        onCancel={() => setReopening(false)}
        confirmLoading={reopen.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            reopen.mutate(
              { id: round.id, version: round.version, reason: v.reason },
              { onSuccess: () => setReopening(false), onError: (e) => handleError(e, { form }) },
            )
          }
        >
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请说明重新打开的理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** One round of 民主评议: its participants and grades, the one-third warning, the close and the follow-up cases. */
export function AppraisalRoundPage() {
  const id = Number(useParams().roundId);
  const round = useAppraisal(id);
  if (round.isError)
    return <ErrorState error={round.error} what="民主评议" onRetry={() => round.refetch()} />;
  if (!round.data) return <LoadingState />;
  const r = round.data;
  return (
    <>
      <PageHeader
        title={`${r.orgName} ${r.year}年度民主评议`}
        description={
          <Link to={`/org-life/appraisals?orgId=${r.orgId}&year=${r.year}`}>返回民主评议列表</Link>
        }
        extra={<RoundActions round={r} refetch={() => round.refetch()} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={4}>
          <Descriptions.Item label="评议日期">{r.heldOn}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={r.status === 'closed' ? 'green' : 'blue'} data-testid="appraisal-status">
              {APPRAISAL_STATUS_LABELS[r.status]}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="参评党员">
            {r.participants}人（评定等次{r.graded}人）
          </Descriptions.Item>
          <Descriptions.Item label="等次">
            {APPRAISAL_GRADES.map((g) => `${APPRAISAL_GRADE_LABELS[g]}${r.gradeCounts[g]}`).join('，')}
          </Descriptions.Item>
          {r.reopenReason ? (
            <Descriptions.Item label="重新打开理由">{r.reopenReason}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {r.warnings.map((w) => (
        <Alert
          key={w.reason}
          type="warning"
          showIcon
          role="alert"
          title={`${w.message}（优秀一般不超过三分之一，请复核）`}
          style={{ marginBottom: 16 }}
        />
      ))}
      <Card size="small" title="参评党员" style={{ marginBottom: 16 }}>
        <ParticipantTable round={r} />
      </Card>
      <Card size="small" title="基本合格、不合格党员的处置">
        <AppraisalCases round={r} />
      </Card>
    </>
  );
}
