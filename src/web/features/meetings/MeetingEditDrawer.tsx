import { Button, Drawer, Flex, Form } from 'antd';
import { useEffect } from 'react';
import { type Meeting, useUpdateMeeting } from '../../api/meetings.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { MeetingFields } from './MeetingFields.tsx';
import { formValuesOf, MEETING_FORM_FIELDS, type MeetingFormValues, toUpdateBody } from './meeting-form.ts';

type MeetingEditDrawerProps = {
  meeting: Meeting;
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
};

/** 编辑会议 while it is not closed: the plan, and once held its held times. */
export function MeetingEditDrawer({ meeting, open, onClose, onConflict }: MeetingEditDrawerProps) {
  const [form] = Form.useForm<MeetingFormValues>();
  const update = useUpdateMeeting(meeting.id);
  const handleError = useApiErrorHandler();

  useEffect(() => {
    if (open) form.setFieldsValue(formValuesOf(meeting));
  }, [open, form, meeting]);

  return (
    <Drawer
      title="编辑会议"
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form<MeetingFormValues>
        name="meetingEdit"
        form={form}
        layout="vertical"
        aria-label="编辑会议"
        onFinish={(values) =>
          update.mutate(toUpdateBody({ ...values, orgId: meeting.orgId }, meeting), {
            onSuccess: onClose,
            onError: (error) => handleError(error, { form, knownFields: MEETING_FORM_FIELDS, onConflict }),
          })
        }
      >
        {/* The org is fixed; kept in the form so that the people pickers search its members. */}
        <Form.Item name="orgId" hidden>
          <input />
        </Form.Item>
        <MeetingFields held={meeting.status !== 'planned'} />
      </Form>
    </Drawer>
  );
}
