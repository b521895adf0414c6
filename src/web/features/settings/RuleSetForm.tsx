import {
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Select,
  Switch,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  BranchKindSchema,
  CADENCE_LABELS,
  CADENCES,
  RequirementBody,
  RuleSetBody,
} from '../../../contracts/compliance.ts';
import { BRANCH_KINDS, ORG_KIND_LABELS } from '../../../domain/org/index.ts';
import {
  type ComplianceRuleSet,
  checkRuleSetDraft,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type MeetingKind,
} from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { RuleSetInput } from '../../api/compliance-rules.ts';
import { contractRules } from '../../ui/contract-rules.ts';

type Requirement = RuleSetInput['requirements'][number];
type Row = Omit<Requirement, 'id'> & { id?: string };
export type RuleSetFormValues = {
  version: string;
  validFrom: Dayjs | null;
  oneMeetingManyKinds: boolean;
  reminderDays: number | null;
  requirements: Row[];
};

/** The first month a new version may begin: next month (docs/organizational-life.md §7.2). */
export const firstEditableMonth = (today: Dayjs) => today.add(1, 'month').startOf('month');

/** The form's values from a version (a copy of the one in force, or the version edited). */
export function formValuesOf(
  set: Omit<RuleSetInput, 'validFrom'> & { validFrom: string | null },
): RuleSetFormValues {
  return {
    version: set.version,
    validFrom: set.validFrom ? dayjs(set.validFrom) : null,
    oneMeetingManyKinds: set.oneMeetingManyKinds,
    reminderDays: set.reminderDays,
    requirements: set.requirements.map((r) => ({
      id: r.id,
      meetingKind: r.meetingKind,
      cadence: r.cadence,
      minCount: r.minCount,
      appliesTo: [...r.appliesTo],
      needsCommittee: r.needsCommittee,
      perGroup: r.perGroup,
      byHead: r.byHead,
      article: r.article,
      local: r.local,
    })),
  };
}

const BLANK_ROW: Row = {
  meetingKind: 'theme_day',
  cadence: 'month',
  minCount: 1,
  appliesTo: [...BRANCH_KINDS],
  needsCommittee: false,
  perGroup: false,
  byHead: false,
  article: '',
  local: false,
};

/** A new row's id: its kind and cadence, numbered when taken (`theme_day_month_2`). */
function newId(row: Row, taken: Set<string>): string {
  const base = `${row.meetingKind}_${row.cadence}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/** The request body of the values; rows added in the form get an id. */
export function bodyOf(values: RuleSetFormValues): RuleSetInput {
  const rows = values.requirements ?? [];
  const taken = new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
  return {
    version: (values.version ?? '').trim(),
    validFrom: values.validFrom ? values.validFrom.startOf('month').format('YYYY-MM-DD') : '',
    oneMeetingManyKinds: values.oneMeetingManyKinds,
    reminderDays: values.reminderDays ?? Number.NaN,
    requirements: rows.map((r) => ({
      ...r,
      id: r.id || newId(r, taken),
      article: (r.article ?? '').trim(),
      meetingKind: r.meetingKind,
    })),
  };
}

const REQUIREMENT_FIELDS = {
  rule_set_requirement_duplicate: 'meetingKind',
  rule_set_requirement_invalid: 'cadence',
  rule_set_min_count_out_of_range: 'minCount',
  rule_set_applies_to_invalid: 'appliesTo',
  rule_set_requirement_flag_mismatch: 'meetingKind',
} as const;
const SET_FIELDS = {
  rule_set_version_name_empty: 'version',
  rule_set_version_duplicate: 'version',
  rule_set_valid_from_not_month_start: 'validFrom',
  rule_set_valid_from_not_future: 'validFrom',
  rule_set_valid_from_duplicate: 'validFrom',
  rule_set_reminder_days_out_of_range: 'reminderDays',
} as const;

/**
 * The checks of the contract and of the domain (docs/organizational-life.md §7.2), as the server makes them, on the
 * form's fields: what fits none is answered in `general`.
 */
export function draftErrors(
  body: RuleSetInput,
  context: { today: IsoDate; others: readonly ComplianceRuleSet[] },
): { fields: { name: (string | number)[]; errors: string[] }[]; general: string[] } {
  const parsed = RuleSetBody.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues
      .filter((i) => i.path.length > 0 && !(i.path.length === 1 && i.path[0] === 'requirements'))
      .map((i) => ({
        name: i.path.slice(0, i.path[0] === 'requirements' ? 3 : 1).map((p) => p as string | number),
        errors: [i.message],
      }));
    const general = parsed.error.issues
      .filter((i) => i.path.length === 1 && i.path[0] === 'requirements')
      .map((i) => i.message);
    return { fields, general };
  }
  const d = checkRuleSetDraft({ ...parsed.data, validFrom: parsed.data.validFrom as IsoDate }, context);
  if (d.ok) return { fields: [], general: [] };
  const index = typeof d.details?.index === 'number' ? d.details.index : null;
  const reqField = REQUIREMENT_FIELDS[d.reason as keyof typeof REQUIREMENT_FIELDS];
  if (reqField && index !== null)
    return { fields: [{ name: ['requirements', index, reqField], errors: [d.message] }], general: [] };
  const setField = SET_FIELDS[d.reason as keyof typeof SET_FIELDS];
  if (setField) return { fields: [{ name: [setField], errors: [d.message] }], general: [] };
  return { fields: [], general: [d.message] };
}

const KIND_OPTIONS = MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }));
const CADENCE_OPTIONS = CADENCES.map((c) => ({ value: c, label: CADENCE_LABELS[c] }));
const BRANCH_OPTIONS = BranchKindSchema.options.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));

/** The flags each belong to one kind of meeting (docs/organizational-life.md §7.2). */
const FLAG_KIND = {
  needsCommittee: 'committee_meeting',
  perGroup: 'group_meeting',
  byHead: 'party_lecture',
} as const;

function RequirementsTable({ form }: { form: FormInstance }) {
  return (
    <Form.List
      name="requirements"
      rules={[
        {
          validator: async (_, rows?: Row[]) => {
            if (!rows || rows.length === 0) throw new Error('请至少填写一项考核要求');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            scroll={{ x: 1100 }}
            columns={[
              {
                title: '会议类型',
                width: 150,
                render: (_, field) => (
                  <>
                    {/* The id an exemption names: kept for a copied requirement, given to a new one on saving. */}
                    <Form.Item name={[field.name, 'id']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'meetingKind']}
                      rules={[{ required: true, message: '请选择会议类型' }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Select
                        aria-label={`第${field.name + 1}项会议类型`}
                        options={KIND_OPTIONS}
                        onChange={(kind: MeetingKind) => {
                          const at = (flag: keyof typeof FLAG_KIND) => ['requirements', field.name, flag];
                          // A flag of another kind is cleared; a 党小组会 is always counted per 党小组.
                          for (const flag of ['needsCommittee', 'byHead'] as const)
                            if (FLAG_KIND[flag] !== kind) form.setFieldValue(at(flag), false);
                          form.setFieldValue(at('perGroup'), kind === 'group_meeting');
                        }}
                      />
                    </Form.Item>
                  </>
                ),
              },
              {
                title: '周期',
                width: 110,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'cadence']}
                    rules={[{ required: true, message: '请选择周期' }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Select aria-label={`第${field.name + 1}项周期`} options={CADENCE_OPTIONS} />
                  </Form.Item>
                ),
              },
              {
                title: '最少次数',
                width: 100,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'minCount']}
                    rules={contractRules(RequirementBody.shape.minCount, { required: '请填写最少次数' })}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber aria-label={`第${field.name + 1}项最少次数`} precision={0} />
                  </Form.Item>
                ),
              },
              {
                title: '适用组织',
                width: 220,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'appliesTo']}
                    rules={[{ required: true, message: '请至少选择一类党支部' }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Select
                      mode="multiple"
                      aria-label={`第${field.name + 1}项适用组织`}
                      options={BRANCH_OPTIONS}
                    />
                  </Form.Item>
                ),
              },
              {
                title: '备注',
                width: 260,
                render: (_, field) => (
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue([
                        'requirements',
                        field.name,
                        'meetingKind',
                      ]) as MeetingKind;
                      return (
                        <Flex wrap gap={8}>
                          <Form.Item name={[field.name, 'needsCommittee']} valuePropName="checked" noStyle>
                            <Checkbox disabled={kind !== 'committee_meeting'}>需设支委会</Checkbox>
                          </Form.Item>
                          <Form.Item name={[field.name, 'perGroup']} valuePropName="checked" noStyle>
                            <Checkbox disabled>按党小组</Checkbox>
                          </Form.Item>
                          <Form.Item name={[field.name, 'byHead']} valuePropName="checked" noStyle>
                            <Checkbox disabled={kind !== 'party_lecture'}>须书记讲授</Checkbox>
                          </Form.Item>
                        </Flex>
                      );
                    }}
                  </Form.Item>
                ),
              },
              {
                title: '依据',
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'article']}
                    rules={contractRules(RequirementBody.shape.article)}
                    style={{ marginBottom: 0 }}
                  >
                    <Input aria-label={`第${field.name + 1}项依据`} placeholder="条文或地方文件" />
                  </Form.Item>
                ),
              },
              {
                title: '地方实践',
                width: 90,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'local']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Switch aria-label={`第${field.name + 1}项地方实践`} size="small" />
                  </Form.Item>
                ),
              },
              {
                title: '操作',
                width: 70,
                render: (_, field) => (
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    移除
                  </Button>
                ),
              },
            ]}
          />
          <Form.ErrorList errors={errors} />
          <Button
            style={{ marginTop: 8 }}
            onClick={() => add({ ...BLANK_ROW, appliesTo: [...BRANCH_KINDS] })}
          >
            添加要求
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * A version of the rules of organizational life as a form (参数配置 → 组织生活达标规则): its name, the month it
 * begins (the first day of a month after today), the two parameters and its requirements as an editable table.
 * Checked as the server checks it (the contract and the domain's checkRuleSetDraft) before `onSubmit`.
 */
export function RuleSetForm({
  form,
  initial,
  others,
  today,
  onSubmit,
}: {
  /** Untyped paths: the requirements' fields are reached by index. */
  form: FormInstance;
  initial: RuleSetFormValues;
  /** The stored versions other than the one edited: names and dates are unique. */
  others: readonly ComplianceRuleSet[];
  today: Dayjs;
  onSubmit: (body: RuleSetInput) => void;
}) {
  const first = firstEditableMonth(today);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values: RuleSetFormValues) => {
        const body = bodyOf(values);
        const { fields, general } = draftErrors(body, {
          today: today.format('YYYY-MM-DD') as IsoDate,
          others,
        });
        if (fields.length > 0 || general.length > 0) {
          form.setFields([
            ...fields,
            ...(general.length > 0 ? [{ name: 'requirements', errors: general }] : []),
          ]);
          return;
        }
        onSubmit(body);
      }}
    >
      <Flex gap={16} wrap>
        <Form.Item
          name="version"
          label="版本名称"
          rules={contractRules(RuleSetBody.shape.version, { required: '请填写版本名称' })}
          style={{ minWidth: 240 }}
        >
          <Input placeholder="如：2027年本市细则" />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label="生效月份"
          rules={[{ required: true, message: '请选择生效月份' }]}
          extra={`从该月1日起生效；最早${first.format('YYYY年M月')}（已开始的考核期间不改变规则）`}
        >
          <DatePicker
            picker="month"
            format="YYYY年M月"
            aria-label="生效月份"
            disabledDate={(d) => d.isBefore(first, 'month')}
          />
        </Form.Item>
        <Form.Item
          name="reminderDays"
          label="提前提醒天数"
          rules={contractRules(RuleSetBody.shape.reminderDays, { required: '请填写提前提醒天数' })}
          extra="考核期间结束前多少天开始提醒未达要求"
        >
          <InputNumber precision={0} aria-label="提前提醒天数" />
        </Form.Item>
        <Form.Item
          name="oneMeetingManyKinds"
          label="一次会议可计入多种类型"
          valuePropName="checked"
          extra="如主题党日同时召开党员大会、讲党课"
        >
          <Switch aria-label="一次会议可计入多种类型" />
        </Form.Item>
      </Flex>
      <Typography.Title level={5}>考核要求</Typography.Title>
      <RequirementsTable form={form} />
    </Form>
  );
}
