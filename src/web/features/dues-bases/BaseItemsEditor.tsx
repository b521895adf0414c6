import {
  Alert,
  AutoComplete,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import {
  BASE_KIND_LABELS,
  BASE_KINDS_BY_CATEGORY,
  type BaseKind,
  COUNTED_PAY_ITEMS,
  type DuesRuleSet,
  formatYuan,
  isMonthKey,
  NEVER_COUNTED_PAY_ITEMS,
  PENSION_COUNTED_ITEMS,
} from '../../../domain/dues/index.ts';
import type { BaseSheetRow } from '../../api/dues-bases.ts';
import { type BaseDraft, checkDraft, type ItemDraft, newItem } from './base-drafts.ts';

const LABEL_OPTIONS = [
  {
    label: '计入基数',
    options: [...COUNTED_PAY_ITEMS, ...PENSION_COUNTED_ITEMS].map((value) => ({ value })),
  },
  { label: '不计入基数', options: NEVER_COUNTED_PAY_ITEMS.map((value) => ({ value })) },
];
const NEVER = new Set<string>(NEVER_COUNTED_PAY_ITEMS);

/** The items of one member's base, edited in a drawer: counted or listed apart, the tax, the base live. */
export function ItemsEditor({
  row,
  draft,
  rules,
  onChange,
}: {
  row: BaseSheetRow;
  draft: BaseDraft;
  rules: DuesRuleSet | undefined;
  onChange: (next: BaseDraft) => void;
}) {
  const check = checkDraft(draft, row, rules);
  const setItem = (i: number, patch: Partial<ItemDraft>) =>
    onChange({ ...draft, items: draft.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="vertical">
        <Form.Item label="基数种类" htmlFor="base-kind">
          <Select<BaseKind>
            id="base-kind"
            value={draft.kind}
            options={BASE_KINDS_BY_CATEGORY[row.category].map((k) => ({
              value: k,
              label: BASE_KIND_LABELS[k],
            }))}
            onChange={(kind) => onChange({ ...draft, kind })}
          />
        </Form.Item>
        <Form.Item label="起始月份（新收入开始领取的月份）" htmlFor="base-from">
          <DatePicker
            id="base-from"
            picker="month"
            allowClear={false}
            value={isMonthKey(draft.fromMonth) ? dayjs(`${draft.fromMonth}-01`) : null}
            format="YYYY年M月"
            onChange={(d) => {
              if (d) onChange({ ...draft, fromMonth: d.format('YYYY-MM') });
            }}
          />
        </Form.Item>
      </Form>
      <Typography.Text strong>收入项目（元）</Typography.Text>
      {draft.items.map((item, i) => (
        <Flex key={item.key} gap={8} align="center">
          <AutoComplete
            aria-label={`项目${i + 1}名称`}
            style={{ width: 180 }}
            value={item.label}
            options={LABEL_OPTIONS}
            onChange={(label: string) =>
              setItem(i, { label, counted: NEVER.has(label) ? false : item.counted })
            }
          />
          <Input
            aria-label={`项目${i + 1}金额`}
            style={{ width: 130 }}
            value={item.yuan}
            inputMode="decimal"
            onChange={(e) => setItem(i, { yuan: e.target.value })}
          />
          <Checkbox checked={item.counted} onChange={(e) => setItem(i, { counted: e.target.checked })}>
            计入基数
          </Checkbox>
          <Button
            type="link"
            danger
            onClick={() => onChange({ ...draft, items: draft.items.filter((_, j) => j !== i) })}
          >
            删除
          </Button>
        </Flex>
      ))}
      <Button onClick={() => onChange({ ...draft, items: [...draft.items, newItem()] })}>添加项目</Button>
      <Form layout="vertical">
        <Form.Item label="个人所得税（元）" htmlFor="base-tax" style={{ marginTop: 12 }}>
          <Input
            id="base-tax"
            style={{ width: 160 }}
            value={draft.taxYuan}
            inputMode="decimal"
            onChange={(e) => onChange({ ...draft, taxYuan: e.target.value })}
          />
        </Form.Item>
        <Form.Item label="备注" htmlFor="base-note">
          <Input
            id="base-note"
            value={draft.note}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
          />
        </Form.Item>
      </Form>
      {check.ok ? (
        <Alert
          type={check.warnings.length > 0 ? 'warning' : 'success'}
          showIcon
          title={`计算基数 ${formatYuan(check.amount)} 元；月缴党费 ${check.dues === null ? '—' : `${formatYuan(check.dues)} 元`}`}
          description={check.warnings.join('；') || '税后收入只扣除个人所得税；不计入项目不影响基数。'}
          data-testid="base-live"
        />
      ) : (
        <Alert type="error" showIcon title={check.message} data-testid="base-live" />
      )}
    </Space>
  );
}
