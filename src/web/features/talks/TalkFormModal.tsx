import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { CreateTalkBody } from '../../../contracts/talks.ts';
import { useCreateTalk, useTalkMembers } from '../../api/talks.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, isoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type Values = { memberId: number; partnerId: number; talkedOn: Dayjs; topic: string; summary?: string };

/** Records a talk between two members of the branch (第十九条). */
export function TalkFormModal({
  orgId,
  initial,
  onClose,
}: {
  orgId: number;
  initial?: { memberId: number; partnerId: number };
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateTalk();
  const members = useTalkMembers(orgId);
  const handleError = useApiErrorHandler();
  const options = (members.data?.items ?? []).map((m) => ({ value: m.memberId, label: m.name }));
  return (
    <Modal
      open
      title="登记谈心谈话"
      okText="登记"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ talkedOn: dayjs(), ...initial }}
        onFinish={(v) =>
          create.mutate(
            { orgId, ...v, talkedOn: isoDate(v.talkedOn) },
            {
              onSuccess: onClose,
              onError: (e) =>
                handleError(e, {
                  form,
                  reasonFields: {
                    talk_same_member: 'partnerId',
                    talk_member_not_in_branch: 'partnerId',
                    talk_in_future: 'talkedOn',
                  },
                }),
            },
          )
        }
      >
        <Form.Item name="memberId" label="谈话人" rules={[{ required: true, message: '请选择谈话人' }]}>
          <Select aria-label="谈话人" showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="partnerId" label="谈话对象" rules={[{ required: true, message: '请选择谈话对象' }]}>
          <Select aria-label="谈话对象" showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="talkedOn" label="谈话日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker format={DATE_FORMAT} aria-label="谈话日期" />
        </Form.Item>
        <Form.Item
          name="topic"
          label="谈话主题"
          rules={contractRules(CreateTalkBody.shape.topic, { required: '请填写谈话主题' })}
        >
          <Input aria-label="谈话主题" />
        </Form.Item>
        <Form.Item name="summary" label="谈话要点" rules={contractRules(CreateTalkBody.shape.summary)}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
