import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApprovalInput } from '../../../contracts/member-decisions.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT } from '../../ui/dates.ts';

/** The approval of the level above as a form holds it: 批准机关, 批准日期, 批复文号 (docs/membership.md §12). */
export type ApprovalValues = { approvingOrgName?: string; approvedOn?: Dayjs | null; documentNo?: string };

export const APPROVAL_FIELDS = ['approvingOrgName', 'approvedOn', 'documentNo'];

/** The three fields of an approval; `meetingOn` bounds the date from below. */
export function DecisionApprovalFields({ meetingOn }: { meetingOn?: Dayjs | null }) {
  return (
    <>
      <Form.Item
        label="批准机关"
        name="approvingOrgName"
        rules={contractRules(ApprovalInput.shape.approvingOrgName, { required: '请填写批准的上级党组织' })}
      >
        <Input placeholder="如：某某街道党工委" />
      </Form.Item>
      <Form.Item label="批准日期" name="approvedOn" rules={[{ required: true, message: '请选择批准日期' }]}>
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          disabledDate={(d) =>
            d.isAfter(dayjs(), 'day') || (meetingOn ? d.isBefore(meetingOn, 'day') : false)
          }
        />
      </Form.Item>
      <Form.Item
        label="批复文号"
        name="documentNo"
        rules={contractRules(ApprovalInput.shape.documentNo, { required: '请填写批复文号' })}
      >
        <Input />
      </Form.Item>
    </>
  );
}
