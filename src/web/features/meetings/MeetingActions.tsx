import { App, Button, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ReopenMeetingBody } from '../../../contracts/meetings.ts';
import {
  type Meeting,
  useCloseMeeting,
  useDeleteMeeting,
  useHoldMeeting,
  useReopenMeeting,
} from '../../api/meetings.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { MeetingEditDrawer } from './MeetingEditDrawer.tsx';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const instant = (d: Dayjs) => d.second(0).millisecond(0).format();

type HoldValues = { heldStart: Dayjs; heldEnd?: Dayjs | null };

/** 登记召开: when it was held (not after now); 应到会 is taken again from the roster of that day. */
function HoldModal({ meeting, open, onClose }: { meeting: Meeting; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<HoldValues>();
  const hold = useHoldMeeting(meeting.id);
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const planned = dayjs(meeting.plannedStart);
  const initialStart = planned.isAfter(dayjs()) ? dayjs() : planned;
  return (
    <Modal
      title="登记会议已召开"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记召开"
      cancelText="取消"
      confirmLoading={hold.isPending}
      destroyOnHidden
    >
      <Form<HoldValues>
        name="holdMeeting"
        form={form}
        layout="vertical"
        aria-label="登记召开"
        initialValues={{ heldStart: initialStart, heldEnd: null }}
        onFinish={(values) =>
          hold.mutate(
            {
              version: meeting.version,
              heldStart: instant(values.heldStart),
              heldEnd: values.heldEnd ? instant(values.heldEnd) : null,
            },
            {
              onSuccess: () => {
                message.success('已登记召开，请登记出勤和会议记录');
                onClose();
              },
              onError: (error) => handleError(error, { form, knownFields: ['heldStart', 'heldEnd'] }),
            },
          )
        }
      >
        <Form.Item label="召开时间" name="heldStart" rules={[{ required: true, message: '请选择召开时间' }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format={TIME_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item label="结束时间" name="heldEnd">
          <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 重新打开: a closed meeting back to 已召开, with the reason (audited). */
function ReopenModal({ meeting, open, onClose }: { meeting: Meeting; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useReopenMeeting(meeting.id);
  const handleError = useApiErrorHandler();
  return (
    <Modal
      title="重新打开会议"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="重新打开"
      cancelText="取消"
      confirmLoading={reopen.isPending}
      destroyOnHidden
    >
      <Form
        name="reopenMeeting"
        form={form}
        layout="vertical"
        aria-label="重新打开"
        onFinish={(values) =>
          reopen.mutate(
            { version: meeting.version, reason: values.reason.trim() },
            {
              onSuccess: onClose,
              onError: (error) => handleError(error, { form, knownFields: ['reason'] }),
            },
          )
        }
      >
        <Form.Item
          label="重新打开的原因"
          name="reason"
          rules={contractRules(ReopenMeetingBody.shape.reason, { required: '请说明重新打开的原因' })}
          extra="重新打开后会议不再计入组织生活达标，修改后须再次办结；原因记入审计日志"
        >
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The header's actions by the meeting's `can` flags: 编辑, 登记召开, 办结, 重新打开, 删除. */
export function MeetingActions({ meeting, onReload }: { meeting: Meeting; onReload: () => void }) {
  const [open, setOpen] = useState<'edit' | 'hold' | 'reopen' | null>(null);
  const close = useCloseMeeting(meeting.id);
  const remove = useDeleteMeeting(meeting.id);
  const handleError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const can = meeting.can;
  const done = () => setOpen(null);

  return (
    <>
      {can.edit ? <Button onClick={() => setOpen('edit')}>编辑</Button> : null}
      {can.hold ? (
        <Button type="primary" onClick={() => setOpen('hold')}>
          登记召开
        </Button>
      ) : null}
      {can.close ? (
        <Button
          type="primary"
          loading={close.isPending}
          onClick={() =>
            modal.confirm({
              title: '办结会议？',
              content: '办结后会议记录和出勤锁定，计入组织生活达标；如需修改须说明原因重新打开。',
              okText: '办结',
              cancelText: '取消',
              onOk: () =>
                close.mutateAsync(meeting.version).then(
                  () => message.success('会议已办结'),
                  (error) => handleError(error, { onConflict: onReload }),
                ),
            })
          }
        >
          办结
        </Button>
      ) : null}
      {can.reopen ? <Button onClick={() => setOpen('reopen')}>重新打开</Button> : null}
      {can.delete ? (
        <Button
          danger
          loading={remove.isPending}
          onClick={() =>
            modal.confirm({
              title: '删除这次会议计划？',
              content: '只能删除尚未召开的会议，删除后不可恢复。',
              okText: '删除',
              okButtonProps: { danger: true },
              cancelText: '取消',
              onOk: () =>
                remove.mutateAsync(meeting.version).then(
                  () => {
                    message.success('会议计划已删除');
                    navigate('/meetings', { replace: true });
                  },
                  (error) => handleError(error, { onConflict: onReload }),
                ),
            })
          }
        >
          删除
        </Button>
      ) : null}
      <HoldModal meeting={meeting} open={open === 'hold'} onClose={done} />
      <ReopenModal meeting={meeting} open={open === 'reopen'} onClose={done} />
      <MeetingEditDrawer meeting={meeting} open={open === 'edit'} onClose={done} onConflict={onReload} />
    </>
  );
}
