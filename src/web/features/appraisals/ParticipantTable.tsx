import { Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { UpdateParticipantBody } from '../../../contracts/appraisals.ts';
import { MEMBER_STATUS_LABELS } from '../../../domain/membership/index.ts';
import {
  APPRAISAL_GRADE_LABELS,
  APPRAISAL_GRADES,
  type AppraisalGrade,
  type GradeCounts,
} from '../../../domain/org-life/index.ts';
import { type AppraisalParticipant, type AppraisalView, useUpdateParticipant } from '../../api/appraisals.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

const counts = (c: GradeCounts | null) =>
  c ? APPRAISAL_GRADES.map((g) => `${APPRAISAL_GRADE_LABELS[g]}${c[g]}`).join(' / ') : '—';

type EditValues = { selfAssessment?: string; peerVotes: GradeCounts; gradeNote?: string };

/** The self-assessment, the paper tally of the peer votes and the grade's note of one participant. */
function EditParticipantModal({
  round,
  participant,
  onClose,
}: {
  round: AppraisalView;
  participant: AppraisalParticipant;
  onClose: () => void;
}) {
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateParticipant();
  const handleError = useApiErrorHandler();
  const zero = { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 };
  return (
    <Modal
      open
      title={`${participant.name}：自评与互评`}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{
          selfAssessment: participant.selfAssessment ?? '',
          peerVotes: participant.peerVotes ?? zero,
          gradeNote: participant.gradeNote ?? '',
        }}
        onFinish={(v) =>
          update.mutate(
            { id: round.id, memberId: participant.memberId, version: round.version, ...v },
            { onSuccess: onClose, onError: (e) => handleError(e, { form }) },
          )
        }
      >
        <Form.Item
          name="selfAssessment"
          label="个人自评"
          rules={contractRules(UpdateParticipantBody.shape.selfAssessment)}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Typography.Text>党员互评、民主测评（纸质票汇总）</Typography.Text>
        <Space wrap style={{ marginTop: 8 }}>
          {APPRAISAL_GRADES.map((g) => (
            <Form.Item key={g} name={['peerVotes', g]} label={APPRAISAL_GRADE_LABELS[g]}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item
          name="gradeNote"
          label="评定意见"
          rules={contractRules(UpdateParticipantBody.shape.gradeNote)}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The participants of a round: status, self-assessment, votes, and the grade the branch gives. */
export function ParticipantTable({ round }: { round: AppraisalView }) {
  const update = useUpdateParticipant();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<AppraisalParticipant | null>(null);
  const editable = round.can.manage && round.status === 'open';
  const setGrade = (p: AppraisalParticipant, grade: AppraisalGrade | null) =>
    update.mutate(
      { id: round.id, memberId: p.memberId, version: round.version, grade },
      { onError: (e) => handleError(e) },
    );
  return (
    <>
      <Table<AppraisalParticipant>
        rowKey="memberId"
        dataSource={round.items}
        pagination={false}
        size="small"
        aria-label="参评党员"
        columns={[
          { title: '姓名', dataIndex: 'name', width: 110 },
          {
            title: '身份',
            key: 'status',
            width: 150,
            render: (_, p) => (
              <Space size={4}>
                {MEMBER_STATUS_LABELS[p.memberStatus]}
                {p.graded ? null : <Tag>不评定等次</Tag>}
              </Space>
            ),
          },
          {
            title: '个人自评',
            key: 'self',
            ellipsis: true,
            render: (_, p) => p.selfAssessment ?? <Typography.Text type="secondary">未填写</Typography.Text>,
          },
          { title: '互评（汇总）', key: 'peer', width: 260, render: (_, p) => counts(p.peerVotes) },
          { title: '党员投票', key: 'ballots', width: 260, render: (_, p) => counts(p.ballotVotes) },
          {
            title: '评定等次',
            key: 'grade',
            width: 150,
            render: (_, p) =>
              !p.graded ? (
                '—'
              ) : editable ? (
                <Select<AppraisalGrade>
                  aria-label={`${p.name}的评定等次`}
                  allowClear
                  placeholder="未评定"
                  style={{ width: 120 }}
                  value={p.grade ?? undefined}
                  onChange={(g) => setGrade(p, g ?? null)}
                  options={APPRAISAL_GRADES.map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }))}
                />
              ) : p.grade ? (
                APPRAISAL_GRADE_LABELS[p.grade]
              ) : (
                '未评定'
              ),
          },
          ...(editable
            ? [
                {
                  title: '操作',
                  key: 'edit',
                  width: 110,
                  render: (_: unknown, p: AppraisalParticipant) => (
                    <Button
                      size="small"
                      onClick={() => setEditing(p)}
                      aria-label={`录入${p.name}的自评和互评`}
                    >
                      自评与互评
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <EditParticipantModal round={round} participant={editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
