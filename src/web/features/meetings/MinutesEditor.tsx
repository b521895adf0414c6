import { App, Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { UpdateMeetingBody } from '../../../contracts/meetings.ts';
import { type Meeting, useUpdateMeeting } from '../../api/meetings.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type Values = { minutes: string | null; resolutions: string | null };

/** 会议记录 and 会议决议: plain text, editable until the meeting is closed (办结 requires the record). */
export function MinutesEditor({ meeting, onConflict }: { meeting: Meeting; onConflict: () => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateMeeting(meeting.id);
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const editable = meeting.can.edit;

  useEffect(() => {
    form.setFieldsValue({ minutes: meeting.minutes, resolutions: meeting.resolutions });
  }, [form, meeting.minutes, meeting.resolutions]);

  return (
    <Form<Values>
      name="meetingMinutes"
      form={form}
      layout="vertical"
      aria-label="会议记录和决议"
      disabled={!editable}
      onFinish={(values) =>
        update.mutate(
          {
            version: meeting.version,
            minutes: values.minutes ?? null,
            resolutions: values.resolutions ?? null,
          },
          {
            onSuccess: () => message.success('会议记录已保存'),
            onError: (error) =>
              handleError(error, { form, knownFields: ['minutes', 'resolutions'], onConflict }),
          },
        )
      }
    >
      <Form.Item
        label="会议记录"
        name="minutes"
        rules={contractRules(UpdateMeetingBody.shape.minutes)}
        extra="办结会议须有会议记录：议题、发言要点、讨论情况"
      >
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 30 }} />
      </Form.Item>
      <Form.Item
        label="会议决议"
        name="resolutions"
        rules={contractRules(UpdateMeetingBody.shape.resolutions)}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 15 }} />
      </Form.Item>
      {editable ? (
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存会议记录
        </Button>
      ) : null}
    </Form>
  );
}
