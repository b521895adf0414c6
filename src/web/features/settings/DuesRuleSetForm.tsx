import {
  Button,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Select,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DuesRuleSetBody } from '../../../contracts/dues-rules.ts';
import {
  CHARGE_ORG_RULE_LABELS,
  CHARGE_ORG_RULES,
  checkDuesRuleSetDraft,
  DUES_MODE_LABELS,
  DUES_MODES,
  type DuesRuleSet,
  FLAT_CATEGORIES,
  formatYuan,
  parseYuan,
  ROUNDING_MODE_LABELS,
  ROUNDING_MODES,
  ROUNDING_UNIT_LABELS,
  ROUNDING_UNITS,
} from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORY_LABELS } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { DuesRuleSetInput } from '../../api/dues-rules.ts';
import { contractRules } from '../../ui/contract-rules.ts';

/** A bracket as typed: its bound in 元 (text, two decimals at most; none on the last row) and its rate in %. */
type BracketRow = { upTo: string; rate: number | null };
export type DuesRuleSetFormValues = {
  version: string;
  validFrom: Dayjs | null;
  employed: BracketRow[];
  retired: BracketRow[];
  flat: Record<(typeof FLAT_CATEGORIES)[number], string>;
  roundingUnit: DuesRuleSet['rounding']['unit'];
  roundingMode: DuesRuleSet['rounding']['mode'];
  mode: DuesRuleSet['mode'];
  chargeOrgOn: DuesRuleSet['chargeOrgOn'];
  backPaymentWarnMonths: number | null;
  centreThreshold: string;
};

/** The first month a new version may begin: next month (docs/dues.md §7). */
export const firstEditableMonth = (today: Dayjs) => today.add(1, 'month').startOf('month');

const yuan = (fen: number) => formatYuan(fen).replaceAll(',', '');
const rowsOf = (brackets: DuesRuleSet['brackets']['employed']): BracketRow[] =>
  brackets.map((b) => ({ upTo: b.upTo === null ? '' : yuan(b.upTo), rate: b.rateBp / 100 }));

/** The form's values from a version (a copy of the one in force, or the version edited): 分 → 元, 基点 → %. */
export function duesFormValuesOf(set: Omit<DuesRuleSet, 'validFrom'> & { validFrom: string | null }) {
  return {
    version: set.version,
    validFrom: set.validFrom ? dayjs(set.validFrom) : null,
    employed: rowsOf(set.brackets.employed),
    retired: rowsOf(set.brackets.retired),
    flat: {
      farmer: yuan(set.flat.farmer),
      student: yuan(set.flat.student),
      unemployed: yuan(set.flat.unemployed),
      welfare: yuan(set.flat.welfare),
    },
    roundingUnit: set.rounding.unit,
    roundingMode: set.rounding.mode,
    mode: set.mode,
    chargeOrgOn: set.chargeOrgOn,
    backPaymentWarnMonths: set.backPaymentWarnMonths,
    centreThreshold: yuan(set.centreThreshold),
  } satisfies DuesRuleSetFormValues;
}

/** An amount of 元 as 分 through the domain's parsing (never a float); NaN when it is not one. */
const fen = (text: string | undefined) => parseYuan(text ?? '') ?? Number.NaN;
const brackets = (rows: BracketRow[] | undefined) =>
  (rows ?? []).map((r, i, all) => ({
    upTo: i === all.length - 1 ? null : fen(r.upTo),
    rateBp: r.rate === null || r.rate === undefined ? Number.NaN : Math.round(r.rate * 100),
  }));

/** The request body of the values. */
export function duesBodyOf(v: DuesRuleSetFormValues): DuesRuleSetInput {
  return {
    version: (v.version ?? '').trim(),
    validFrom: v.validFrom ? v.validFrom.startOf('month').format('YYYY-MM-DD') : '',
    brackets: { employed: brackets(v.employed), retired: brackets(v.retired) },
    flat: {
      farmer: fen(v.flat?.farmer),
      student: fen(v.flat?.student),
      unemployed: fen(v.flat?.unemployed),
      welfare: fen(v.flat?.welfare),
    },
    rounding: { unit: v.roundingUnit, mode: v.roundingMode },
    mode: v.mode,
    chargeOrgOn: v.chargeOrgOn,
    backPaymentWarnMonths: v.backPaymentWarnMonths ?? Number.NaN,
    centreThreshold: fen(v.centreThreshold),
  };
}

/** A field of the body → the form's field it was typed in. */
function fieldOf(path: readonly PropertyKey[]): (string | number)[] {
  const [head, a, b, c] = path;
  if (head === 'brackets' && typeof b === 'number') return [a as string, b, c === 'upTo' ? 'upTo' : 'rate'];
  if (head === 'brackets') return [a as string];
  if (head === 'flat') return ['flat', a as string];
  if (head === 'rounding') return [a === 'unit' ? 'roundingUnit' : 'roundingMode'];
  return [head as string];
}

const SET_FIELDS: Record<string, (string | number)[]> = {
  dues_rule_set_version_name_empty: ['version'],
  dues_rule_set_version_duplicate: ['version'],
  dues_rule_set_valid_from_not_month_start: ['validFrom'],
  dues_rule_set_valid_from_not_future: ['validFrom'],
  dues_rule_set_valid_from_duplicate: ['validFrom'],
  dues_rule_set_warn_months_out_of_range: ['backPaymentWarnMonths'],
  dues_rule_set_centre_threshold_invalid: ['centreThreshold'],
  dues_rule_set_rounding_invalid: ['roundingUnit'],
  dues_rule_set_mode_invalid: ['mode'],
};

/** The checks of the contract and of the domain (docs/dues.md §7), as the server makes them, on the form's fields. */
export function duesDraftErrors(
  body: DuesRuleSetInput,
  context: { today: IsoDate; others: readonly DuesRuleSet[] },
): { name: (string | number)[]; errors: string[] }[] {
  const parsed = DuesRuleSetBody.safeParse(body);
  if (!parsed.success)
    return parsed.error.issues.map((i) => {
      const name = fieldOf(i.path);
      const amount = name.includes('upTo') || name[0] === 'flat' || name[0] === 'centreThreshold';
      return {
        name,
        errors: [amount && i.code === 'invalid_type' ? '请填写金额（元，最多两位小数）' : i.message],
      };
    });
  const d = checkDuesRuleSetDraft({ ...parsed.data, validFrom: parsed.data.validFrom as IsoDate }, context);
  if (d.ok) return [];
  const table = d.details?.table as string | undefined;
  const index = d.details?.index as number | undefined;
  const category = d.details?.category as string | undefined;
  const name =
    SET_FIELDS[d.reason] ??
    (table !== undefined && index !== undefined
      ? [table, index, d.reason === 'dues_rule_set_rate_out_of_range' ? 'rate' : 'upTo']
      : table !== undefined
        ? [table]
        : category !== undefined
          ? ['flat', category]
          : ['version']);
  return [{ name, errors: [d.message] }];
}

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** One table of brackets (在职 or 离退休): bounds in 元, rates in %; the last row takes every base above. */
function BracketsTable({ name, title }: { name: 'employed' | 'retired'; title: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <div style={{ flex: 1, minWidth: 360 }}>
          <Typography.Title level={5}>{title}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            columns={[
              {
                title: '月计算基数上限（元，含）',
                render: (_, field) =>
                  field.name === fields.length - 1 ? (
                    <Typography.Text type="secondary">以上（不设上限）</Typography.Text>
                  ) : (
                    <Form.Item name={[field.name, 'upTo']} style={{ marginBottom: 0 }}>
                      <Input aria-label={`${title}第${field.name + 1}档上限`} suffix="元" />
                    </Form.Item>
                  ),
              },
              {
                title: '交纳比例',
                width: 150,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'rate']} style={{ marginBottom: 0 }}>
                    <InputNumber
                      aria-label={`${title}第${field.name + 1}档比例`}
                      step={0.1}
                      precision={2}
                      suffix="%"
                    />
                  </Form.Item>
                ),
              },
              {
                title: '操作',
                width: 70,
                render: (_, field) => (
                  <Button type="link" danger disabled={fields.length <= 1} onClick={() => remove(field.name)}>
                    移除
                  </Button>
                ),
              },
            ]}
          />
          <Form.ErrorList errors={errors} />
          <Button
            style={{ marginTop: 8 }}
            onClick={() => add({ upTo: '', rate: null }, Math.max(fields.length - 1, 0))}
          >
            添加一档
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/**
 * A version of the dues rules as a form (参数配置 → 党费收缴标准, docs/dues.md §7): its name, the month it begins
 * (the first day of a month after today), the brackets of 在职 and 离退休 members in 元 and %, the flat amounts,
 * the rounding, the mode, the org a transferred member owes to, the back-payment warning and the centre threshold.
 * Checked as the server checks it (the contract and the domain's checkDuesRuleSetDraft) before `onSubmit`.
 */
export function DuesRuleSetForm({
  form,
  initial,
  others,
  today,
  onSubmit,
}: {
  form: FormInstance;
  initial: DuesRuleSetFormValues;
  /** The versions other than the one edited: names and dates are unique. */
  others: readonly DuesRuleSet[];
  today: Dayjs;
  onSubmit: (body: DuesRuleSetInput) => void;
}) {
  const first = firstEditableMonth(today);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values: DuesRuleSetFormValues) => {
        const body = duesBodyOf(values);
        const errors = duesDraftErrors(body, { today: today.format('YYYY-MM-DD') as IsoDate, others });
        if (errors.length > 0) form.setFields(errors);
        else onSubmit(body);
      }}
    >
      <Flex gap={16} wrap>
        <Form.Item
          name="version"
          label="版本名称"
          rules={contractRules(DuesRuleSetBody.shape.version, { required: '请填写版本名称' })}
          style={{ minWidth: 240 }}
        >
          <Input placeholder="如：2027年本省标准" />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label="生效月份"
          rules={[{ required: true, message: '请选择生效月份' }]}
          extra={`从该月1日起生效；最早${first.format('YYYY年M月')}（已开始的月份按原标准计算）`}
        >
          <DatePicker
            picker="month"
            format="YYYY年M月"
            aria-label="生效月份"
            disabledDate={(d) => d.isBefore(first, 'month')}
          />
        </Form.Item>
      </Flex>
      <Flex gap={24} wrap>
        <BracketsTable name="employed" title="在职党员（含个体经营等）" />
        <BracketsTable name="retired" title="离退休党员" />
      </Flex>
      <Typography.Title level={5}>每月固定交纳金额</Typography.Title>
      <Flex gap={16} wrap>
        {FLAT_CATEGORIES.map((c) => (
          <Form.Item key={c} name={['flat', c]} label={MEMBER_CATEGORY_LABELS[c]}>
            <Input aria-label={`${MEMBER_CATEGORY_LABELS[c]}每月金额`} suffix="元" style={{ width: 140 }} />
          </Form.Item>
        ))}
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="roundingUnit" label="取整单位">
          <Select
            aria-label="取整单位"
            options={options(ROUNDING_UNITS, ROUNDING_UNIT_LABELS)}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item name="roundingMode" label="取整方式">
          <Select
            aria-label="取整方式"
            options={options(ROUNDING_MODES, ROUNDING_MODE_LABELS)}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item name="mode" label="收入变化时">
          <Select
            aria-label="收入变化时"
            options={options(DUES_MODES, DUES_MODE_LABELS)}
            style={{ width: 300 }}
          />
        </Form.Item>
        <Form.Item name="chargeOrgOn" label="转接当月交纳组织">
          <Select
            aria-label="转接当月交纳组织"
            options={options(CHARGE_ORG_RULES, CHARGE_ORG_RULE_LABELS)}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="backPaymentWarnMonths" label="补交、预交超过几个月提醒">
          <InputNumber aria-label="补交预交提醒月数" precision={0} suffix="个月" />
        </Form.Item>
        <Form.Item name="centreThreshold" label="一次性交纳全额上缴中央的金额">
          <Input aria-label="全额上缴中央的金额" suffix="元" style={{ width: 160 }} />
        </Form.Item>
      </Flex>
    </Form>
  );
}
