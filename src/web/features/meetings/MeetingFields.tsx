import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { CreateMeetingBody } from '../../../contracts/meetings.ts';
import { MEETING_KIND_LABELS, MEETING_KINDS } from '../../../domain/org-life/index.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { type OrgOption, OrgSelect } from '../../ui/OrgSelect.tsx';
import type { MeetingFormValues } from './meeting-form.ts';
import { PersonPicker } from './PersonPicker.tsx';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const KIND_OPTIONS = MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }));
const shape = CreateMeetingBody.shape;

type MeetingFieldsProps = {
  /** Creating: the org is chosen here; editing: it is fixed. */
  chooseOrg?: { initial: OrgOption | null };
  /** The held times show once the meeting is held. */
  held?: boolean;
};

/** The fields of a meeting (plan or edit), with the contract's limits and messages. */
export function MeetingFields({ chooseOrg, held }: MeetingFieldsProps) {
  const form = Form.useFormInstance<MeetingFormValues>();
  const orgId = Form.useWatch('orgId', form);
  const plannedStart = Form.useWatch('plannedStart', form);
  return (
    <>
      {chooseOrg ? (
        <Form.Item
          label="召开会议的党组织"
          name="orgId"
          rules={[{ required: true, message: '请选择召开会议的党支部或党小组' }]}
          extra="党小组会由党小组召开，其他会议由党支部召开"
        >
          <OrgSelect aria-label="召开会议的党组织" initial={chooseOrg.initial} />
        </Form.Item>
      ) : null}
      <Form.Item
        label="会议类型"
        name="kinds"
        rules={[{ required: true, message: '请至少选择一种会议类型' }]}
        extra="一次会议可同时计为多种（如以支部党员大会形式开展的主题党日），第一项为主要类型"
      >
        <Select
          mode="multiple"
          aria-label="会议类型"
          placeholder="选择会议类型"
          options={KIND_OPTIONS}
          // Every option is a role=option in the listbox (a virtual list exposes only the active one).
          virtual={false}
        />
      </Form.Item>
      <Form.Item name="election" valuePropName="checked">
        <Checkbox>选举会议（到会人数须超过应到会有选举权党员的五分之四）</Checkbox>
      </Form.Item>
      <Form.Item
        label="会议主题"
        name="topic"
        rules={contractRules(shape.topic, { required: '请填写会议主题' })}
      >
        <Input placeholder="如：学习贯彻党的二十届三中全会精神" />
      </Form.Item>
      <Form.Item
        label="计划开始时间"
        name="plannedStart"
        rules={[{ required: true, message: '请选择计划开始时间' }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="计划结束时间" name="plannedEnd">
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format={TIME_FORMAT}
          style={{ width: '100%' }}
          disabledDate={(d) => (plannedStart ? d.isBefore(plannedStart, 'day') : false)}
        />
      </Form.Item>
      {held ? (
        <>
          <Form.Item
            label="实际召开时间"
            name="heldStart"
            rules={[{ required: true, message: '请选择召开时间' }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={TIME_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item label="实际结束时间" name="heldEnd">
            <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item label="地点" name="place" rules={contractRules(shape.place)}>
        <Input placeholder="如：社区党群服务中心二楼会议室" />
      </Form.Item>
      <Form.Item label="主持人" name="host">
        <PersonPicker orgId={orgId} aria-label="主持人" />
      </Form.Item>
      <Form.Item label="记录人" name="recorder">
        <PersonPicker orgId={orgId} aria-label="记录人" />
      </Form.Item>
      <Form.Item label="议程" name="agenda" rules={contractRules(shape.agenda)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder="每项议程一行" />
      </Form.Item>
    </>
  );
}
