import { DatePicker, Form, type FormInstance, Input, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { NewMemberPersonInput, PersonInput } from '../../../contracts/members.ts';
import { GENDER_LABELS, GENDERS } from '../../../domain/membership/index.ts';
import { checkLandline, checkMobile } from '../../../domain/people/index.ts';
import { contractRules, requiredMessage } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, todayIso } from '../../ui/dates.ts';
import { idFeedback } from './id-autofill.ts';
import type { MemberFormValues } from './member-form.ts';
import {
  EDUCATION_OPTIONS,
  ETHNICITY_OPTIONS,
  matchesCodeOption,
  WORK_POST_OPTIONS,
} from './member-labels.ts';

type PersonFieldsProps = {
  form: FormInstance<MemberFormValues>;
  /** The masked values on record (an edit of a record not revealed): shown as placeholders. */
  masked?: { idNumber: string | null; phoneMobile: string | null; phoneLandline: string | null };
  /**
   * A new member, or one in good standing: 民族, 学历 and 工作岗位 are required, as the contract of a new member
   * says (the one set of the form, the API and the import).
   */
  fullRecord: boolean;
};

/** The rules of a coded field: required as the new member's contract says, when the record must be full. */
const codedRules = (field: 'ethnicity' | 'education' | 'workPost', fullRecord: boolean) => {
  const schema = NewMemberPersonInput.shape[field];
  const required = fullRecord ? requiredMessage(schema) : undefined;
  return contractRules(schema, required ? { required } : {});
};

type Check = { ok: true } | { ok: false; message: string };
const asRule = (check: (v: string) => Check) => ({
  validator: (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const result = check(value);
    return result.ok ? Promise.resolve() : Promise.reject(new Error(result.message));
  },
});

const keepPlaceholder = (masked: string | null | undefined, what: string) =>
  masked ? `不修改请留空（现为 ${masked}）` : `请输入${what}`;

/**
 * 人员信息, ID number first: once it is valid, birth date and gender are filled from it and locked (a
 * contradicting value would be refused). The check here is instant feedback; the server decides.
 */
export function PersonFields({ form, masked, fullRecord }: PersonFieldsProps) {
  const today = todayIso();
  const idInput = Form.useWatch(['person', 'idNumber'], form) ?? '';
  const feedback = idFeedback(idInput, today);
  // An ID number on record that is not being replaced also fixes birth date and gender.
  const derived = feedback.state === 'valid' || (!!masked?.idNumber && feedback.state === 'empty');

  const fillFromId = (value: string, final: boolean) => {
    const f = idFeedback(value, today, { final });
    if (f.state !== 'valid') return;
    form.setFieldsValue({ person: { birthDate: dayjs(f.birthDate), gender: f.gender } });
    form.setFields([
      { name: ['person', 'birthDate'], errors: [] },
      { name: ['person', 'gender'], errors: [] },
    ]);
  };

  return (
    <>
      <Form.Item
        label="公民身份号码"
        name={['person', 'idNumber']}
        validateTrigger={['onChange', 'onBlur']}
        extra={
          feedback.state === 'valid'
            ? `已根据号码填入出生日期（${feedback.birthDate}）和性别（${GENDER_LABELS[feedback.gender]}）${feedback.warning ? `；${feedback.warning}` : ''}`
            : feedback.state === 'typing'
              ? feedback.message
              : '填写后自动带出出生日期和性别；无身份证号的可留空并手工填写'
        }
        rules={[
          {
            validateTrigger: 'onChange',
            validator: (_, v: string | undefined) => {
              const f = idFeedback(v ?? '', today);
              return f.state === 'invalid' ? Promise.reject(new Error(f.message)) : Promise.resolve();
            },
          },
          {
            validateTrigger: 'onBlur',
            validator: (_, v: string | undefined) => {
              const f = idFeedback(v ?? '', today, { final: true });
              return f.state === 'invalid' ? Promise.reject(new Error(f.message)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input
          autoComplete="off"
          maxLength={22}
          placeholder={keepPlaceholder(masked?.idNumber, '18位公民身份号码')}
          style={{ fontFamily: 'monospace' }}
          onChange={(e) => fillFromId(e.target.value, false)}
          onBlur={(e) => fillFromId(e.target.value, true)}
        />
      </Form.Item>
      <Form.Item
        label="姓名"
        name={['person', 'name']}
        rules={contractRules(PersonInput.shape.name, { required: '请输入姓名' })}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="性别"
        name={['person', 'gender']}
        rules={[{ required: true, message: '请选择性别' }]}
        extra={derived ? '由公民身份号码确定' : undefined}
      >
        <Radio.Group
          disabled={derived}
          options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
        />
      </Form.Item>
      <Form.Item
        label="出生日期"
        name={['person', 'birthDate']}
        rules={[{ required: !derived, message: '请选择出生日期' }]}
        extra={derived ? '由公民身份号码确定' : undefined}
      >
        <DatePicker
          format={DATE_FORMAT}
          disabled={derived}
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs('1900-01-01'))}
        />
      </Form.Item>
      <Form.Item label="民族" name={['person', 'ethnicity']} rules={codedRules('ethnicity', fullRecord)}>
        <Select
          allowClear
          aria-label="民族"
          placeholder="输入代码或名称，如 01 或 汉族"
          showSearch={{ filterOption: matchesCodeOption }}
          options={ETHNICITY_OPTIONS}
        />
      </Form.Item>
      <Form.Item label="学历" name={['person', 'education']} rules={codedRules('education', fullRecord)}>
        <Select
          allowClear
          aria-label="学历"
          placeholder="输入代码或名称，如 21 或 大学"
          showSearch={{ filterOption: matchesCodeOption }}
          options={EDUCATION_OPTIONS}
        />
      </Form.Item>
      <Form.Item label="工作岗位" name={['person', 'workPost']} rules={codedRules('workPost', fullRecord)}>
        <Select
          allowClear
          aria-label="工作岗位"
          placeholder="输入代码或名称，如 502 或 退休"
          showSearch={{ filterOption: matchesCodeOption }}
          options={WORK_POST_OPTIONS}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item label="手机号" name={['person', 'phoneMobile']} rules={[asRule(checkMobile)]}>
        <Input
          inputMode="tel"
          autoComplete="off"
          placeholder={keepPlaceholder(masked?.phoneMobile, '11位手机号')}
        />
      </Form.Item>
      <Form.Item label="固定电话" name={['person', 'phoneLandline']} rules={[asRule(checkLandline)]}>
        <Input
          inputMode="tel"
          autoComplete="off"
          placeholder={keepPlaceholder(masked?.phoneLandline, '区号-号码，如 010-12345678')}
        />
      </Form.Item>
      <Form.Item
        label="家庭住址"
        name={['person', 'address']}
        rules={contractRules(PersonInput.shape.address)}
      >
        <Input.TextArea rows={2} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        身份证号和电话在列表中脱敏显示，仅组织管理员可查看完整号码（留痕）。
      </Typography.Text>
    </>
  );
}
