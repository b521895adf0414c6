import { App, Form, Input, Modal } from 'antd';
import { LeaveRequestBody } from '../../../contracts/meetings.ts';
import { type MyMeeting, useRequestLeave } from '../../api/meetings.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

/** 请假: before the meeting starts, with the reason the secretary sees on the attendance sheet. */
export function LeaveRequestModal({ meeting, onClose }: { meeting: MyMeeting | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const leave = useRequestLeave();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <Modal
      title={meeting ? `请假 — ${meeting.topic}` : '请假'}
      open={meeting !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="提交请假"
      cancelText="取消"
      confirmLoading={leave.isPending}
      destroyOnHidden
    >
      <Form
        name="leaveRequest"
        form={form}
        layout="vertical"
        aria-label="请假"
        onFinish={(values) =>
          meeting &&
          leave.mutate(
            { id: meeting.id, reason: values.reason.trim() },
            {
              onSuccess: () => {
                message.success('已请假');
                onClose();
              },
              onError: (error) => handleError(error, { form, knownFields: ['reason'] }),
            },
          )
        }
      >
        <Form.Item
          label="请假事由"
          name="reason"
          rules={contractRules(LeaveRequestBody.shape.reason, { required: '请填写请假事由' })}
          extra="会后请按支部安排补课"
        >
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
