import { Checkbox, Flex, Form, Input, InputNumber, Modal, Radio, Select, Table, Typography } from 'antd';
import { CreateVoteBody } from '../../../contracts/meeting-votes.ts';
import {
  VOTE_CHOICE_LABELS,
  VOTE_CHOICES,
  VOTE_SUBJECT_LABELS,
  VOTE_SUBJECTS,
} from '../../../domain/org-life/index.ts';
import { type Attendee, type CreateVoteInput, useAttendance, useCreateVote } from '../../api/meetings.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type Choice = (typeof VOTE_CHOICES)[number];
type Values = {
  subject: CreateVoteInput['subject'];
  subjectMemberId?: number;
  title: string;
  secretBallot: boolean;
  inFavour?: number;
  against?: number;
  abstain?: number;
  writtenInFavour?: number;
  ballots?: Record<string, Choice | undefined>;
  written?: Record<string, boolean | undefined>;
};

const SUBJECT_OPTIONS = VOTE_SUBJECTS.map((s) => ({ value: s, label: VOTE_SUBJECT_LABELS[s] }));
const CHOICE_OPTIONS = VOTE_CHOICES.map((c) => ({ value: c, label: VOTE_CHOICE_LABELS[c] }));
const shape = CreateVoteBody.shape;

/** The voting members 应到会 of the meeting: who may cast a ballot (present, or in writing when absent). */
const voters = (attendees: readonly Attendee[]) =>
  attendees.filter((a) => a.hasVote && a.excludedReason === null);

function toBody(values: Values, attendees: readonly Attendee[]): CreateVoteInput {
  const head = {
    subject: values.subject,
    subjectMemberId: values.subjectMemberId ?? null,
    title: values.title.trim(),
    secretBallot: values.secretBallot,
  };
  if (values.secretBallot) {
    return {
      ...head,
      tally: {
        inFavour: values.inFavour ?? 0,
        against: values.against ?? 0,
        abstain: values.abstain ?? 0,
        writtenInFavour: values.writtenInFavour ?? 0,
      },
    };
  }
  const ballots = voters(attendees).flatMap((a) => {
    const choice = values.ballots?.[a.memberId];
    return choice ? [{ memberId: a.memberId, choice, written: values.written?.[a.memberId] ?? false }] : [];
  });
  return { ...head, ballots };
}

/**
 * 登记表决 of a closed 支部党员大会: the totals of a secret ballot (无记名投票), or each voting member's ballot; the
 * server checks quorum and the majority of the voting members 应到会 and says why it refuses.
 */
export function VoteFormModal({
  meetingId,
  open,
  onClose,
}: {
  meetingId: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const attendance = useAttendance(meetingId);
  const create = useCreateVote(meetingId);
  const handleError = useApiErrorHandler();
  const secret = Form.useWatch('secretBallot', form) ?? true;
  const attendees = attendance.data?.attendees ?? [];
  const eligible = voters(attendees);

  return (
    <Modal
      title="登记表决"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      cancelText="取消"
      confirmLoading={create.isPending}
      destroyOnHidden
      width={720}
    >
      <Form<Values>
        name="meetingVote"
        form={form}
        layout="vertical"
        aria-label="登记表决"
        initialValues={{ subject: 'admission', secretBallot: true }}
        onFinish={(values) =>
          create.mutate(toBody(values, attendees), {
            onSuccess: onClose,
            onError: (error) =>
              handleError(error, { form, knownFields: ['subject', 'title', 'secretBallot'] }),
          })
        }
      >
        <Form.Item label="表决事项" name="subject" rules={[{ required: true, message: '请选择表决事项' }]}>
          <Select aria-label="表决事项" options={SUBJECT_OPTIONS} />
        </Form.Item>
        <Form.Item label="涉及党员" name="subjectMemberId">
          <Select
            allowClear
            aria-label="涉及党员"
            placeholder="接收、转正、延长预备期、处置时选择"
            showSearch={{ optionFilterProp: 'label' }}
            options={attendees.map((a) => ({ value: a.memberId, label: a.name }))}
          />
        </Form.Item>
        <Form.Item
          label="标题"
          name="title"
          rules={contractRules(shape.title, { required: '请填写表决标题' })}
        >
          <Input placeholder="如：关于接收张三同志为中共预备党员的决议" />
        </Form.Item>
        <Form.Item label="表决方式" name="secretBallot">
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: '无记名投票（填写票数）' },
              { value: false, label: '逐人登记' },
            ]}
          />
        </Form.Item>
        {secret ? (
          <Flex gap={16} wrap>
            {(
              [
                ['inFavour', '赞成'],
                ['against', '反对'],
                ['abstain', '弃权'],
                ['writtenInFavour', '书面赞成'],
              ] as const
            ).map(([name, label]) => (
              <Form.Item key={name} label={label} name={name} initialValue={0}>
                <InputNumber min={0} precision={0} aria-label={label} />
              </Form.Item>
            ))}
          </Flex>
        ) : (
          <Table<Attendee>
            aria-label="逐人表决"
            rowKey="memberId"
            size="small"
            pagination={false}
            dataSource={eligible}
            columns={[
              { title: '姓名', dataIndex: 'name', key: 'name' },
              {
                title: '表决',
                key: 'choice',
                render: (_, a) => (
                  <Form.Item name={['ballots', String(a.memberId)]} noStyle>
                    <Radio.Group size="small" aria-label={`${a.name}的表决`} options={CHOICE_OPTIONS} />
                  </Form.Item>
                ),
              },
              {
                title: '书面意见',
                key: 'written',
                render: (_, a) =>
                  a.attendance === 'present' ? null : (
                    <Form.Item name={['written', String(a.memberId)]} valuePropName="checked" noStyle>
                      <Checkbox aria-label={`${a.name}书面表达`}>会前书面表达</Checkbox>
                    </Form.Item>
                  ),
              },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          须有表决权的应到会党员过半数到会；赞成票超过应到会有表决权党员的半数（不是到会人数的半数）才能通过。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
