import { DatePicker, Form, type FormInstance, Input, Radio, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { CreateMemberBody, ENTRY_KIND_LABELS } from '../../../contracts/members.ts';
import {
  checkExtendedEnd,
  confirmationDenial,
  ENTRY_KINDS,
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
} from '../../../domain/membership/index.ts';
import { checkAdmissionAge } from '../../../domain/people/index.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, isoDate, todayIso } from '../../ui/dates.ts';
import { memberOrgDisabledReason } from '../../ui/member-org.ts';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import type { MemberFormValues } from './member-form.ts';

type MembershipFieldsProps = {
  form: FormInstance<MemberFormValues>;
  /** A new member: org, status and dates too. An edit changes those through 转出 and status changes. */
  creating: boolean;
};

const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/** 党员信息: where and since when (a new member), category, 流动党员 (with 外出流向) and 困难党员. */
export function MembershipFields({ form, creating }: MembershipFieldsProps) {
  const status = Form.useWatch('status', form);
  const isMobile = Form.useWatch('isMobile', form);
  return (
    <>
      {creating ? (
        <>
          <Form.Item
            label="所在党支部（党小组）"
            name="orgId"
            rules={[{ required: true, message: '请选择所在党支部或党小组' }]}
          >
            <OrgSelect
              aria-label="所在党支部"
              placeholder="输入支部名称搜索"
              disabledReason={memberOrgDisabledReason}
            />
          </Form.Item>
          <Form.Item label="党籍状态" name="status" rules={[{ required: true, message: '请选择党籍状态' }]}>
            <Radio.Group
              options={(['probationary', 'full'] as const).map((s) => ({
                value: s,
                label: MEMBER_STATUS_LABELS[s],
              }))}
            />
          </Form.Item>
          <Form.Item
            label="进入本系统方式"
            name={['entry', 'by']}
            initialValue="admitted"
            extra="新发展的党员选“发展党员”；录入本来就在本组织的党员选“建库”，增减台账计入建库当日，不改动以前各期数字"
            rules={[{ required: true, message: '请选择进入本系统方式' }]}
          >
            <Select
              aria-label="进入本系统方式"
              options={ENTRY_KINDS.map((k) => ({ value: k, label: ENTRY_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item
            label="进入本系统日期"
            name={['entry', 'on']}
            extra="不填时：发展党员、重新入党为入党时间，其他为今天"
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
          <Form.Item
            label="入党时间"
            name="admittedOn"
            dependencies={[['person', 'birthDate']]}
            extra="支部大会通过接收其为预备党员的日期"
            rules={[
              { required: true, message: '请选择入党时间' },
              {
                validator: (_, value: dayjs.Dayjs | undefined) => {
                  const birth = form.getFieldValue(['person', 'birthDate']) as dayjs.Dayjs | undefined;
                  if (!value || !birth) return Promise.resolve();
                  const decision = checkAdmissionAge(isoDate(birth), isoDate(value));
                  return decision.ok ? Promise.resolve() : Promise.reject(new Error(decision.message));
                },
              },
            ]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
          <Form.Item
            label="预备期延长至"
            name="probationEndsOn"
            dependencies={['admittedOn']}
            extra="仅预备期经支部大会决定、上级党组织批准延长的填写：延长后的届满日期（入党满一年后再延长6个月至1年）"
            rules={[
              {
                validator: (_, value: dayjs.Dayjs | undefined) => {
                  const admitted = form.getFieldValue('admittedOn') as dayjs.Dayjs | undefined;
                  if (!value || !admitted) return Promise.resolve();
                  const outOfRange = checkExtendedEnd(isoDate(admitted), isoDate(value));
                  return outOfRange ? Promise.reject(new Error(outOfRange.message)) : Promise.resolve();
                },
              },
            ]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          {status === 'full' ? (
            <Form.Item
              label="转正时间"
              name="confirmedOn"
              dependencies={['admittedOn', 'probationEndsOn']}
              extra="预备期满之日：入党满一年之日（延长的为延长后届满之日），不是支部大会讨论的日期"
              rules={[
                { required: true, message: '请选择转为正式党员的日期' },
                {
                  // The server's rule (confirmationDenial), for feedback as the dates are picked.
                  validator: (_, value: dayjs.Dayjs | undefined) => {
                    const admitted = form.getFieldValue('admittedOn') as dayjs.Dayjs | undefined;
                    const extended = form.getFieldValue('probationEndsOn') as dayjs.Dayjs | undefined;
                    if (!value || !admitted) return Promise.resolve();
                    const facts = {
                      status: 'full' as const,
                      admittedOn: isoDate(admitted),
                      confirmedOn: isoDate(value),
                      probationEndsOn: extended ? isoDate(extended) : null,
                    };
                    const denial = confirmationDenial(facts, todayIso());
                    return denial ? Promise.reject(new Error(denial.message)) : Promise.resolve();
                  },
                },
              ]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          ) : null}
        </>
      ) : null}
      <Form.Item label="人员类别" name="category" rules={[{ required: true, message: '请选择人员类别' }]}>
        <Select
          aria-label="人员类别"
          options={MEMBER_CATEGORIES.map((c) => ({ value: c, label: MEMBER_CATEGORY_LABELS[c] }))}
        />
      </Form.Item>
      <Form.Item label="流动党员" name="isMobile" valuePropName="checked">
        <Switch aria-label="流动党员" checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      {isMobile ? (
        <Form.Item
          label="外出流向"
          name="outflowDestination"
          rules={contractRules(CreateMemberBody.shape.outflowDestination, { required: '请填写外出流向' })}
        >
          <Input placeholder="如：广东省深圳市南山区" />
        </Form.Item>
      ) : null}
      <Form.Item label="困难党员" name="isHardship" valuePropName="checked">
        <Switch aria-label="困难党员" checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
    </>
  );
}
