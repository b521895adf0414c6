import { Alert, App, Button, Descriptions, Flex, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  CHARGE_ORG_RULE_LABELS,
  DUES_MODE_LABELS,
  DUES_RULE_SET_STATUS_LABELS,
  type DuesRuleSet,
  FLAT_CATEGORIES,
  formatRate,
  formatYuan,
  ROUNDING_MODE_LABELS,
  ROUNDING_UNIT_LABELS,
} from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORY_LABELS } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import {
  type DuesRuleSetView,
  useChangeDuesRuleSet,
  useCreateDuesRuleSet,
  useDeleteDuesRuleSet,
  useDuesRuleSets,
} from '../../api/dues-rules.ts';
import { formatDate } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { DuesRuleSetForm, duesFormValuesOf, firstEditableMonth } from './DuesRuleSetForm.tsx';
import { RuleVersionCard } from './RuleVersionCard.tsx';

const setOf = (v: DuesRuleSetView): DuesRuleSet => ({ ...v, validFrom: v.validFrom as IsoDate });

/** `≤3,000.00元 0.5%；3,000.00–5,000.00元 1%；5,000.00元以上 2%`. */
export function bracketsText(brackets: readonly DuesRuleSetView['brackets']['employed'][number][]): string {
  return brackets
    .map((b, i) => {
      const from = i === 0 ? null : brackets[i - 1]?.upTo;
      const range =
        b.upTo === null
          ? `${formatYuan(from ?? 0)}元以上`
          : from == null
            ? `${formatYuan(b.upTo)}元及以下`
            : `${formatYuan(from)}–${formatYuan(b.upTo)}元`;
      return `${range} ${formatRate(b.rateBp)}`;
    })
    .join('；');
}

function RulesOf({ set }: { set: DuesRuleSetView }) {
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'from', label: '生效日期', children: formatDate(set.validFrom) },
        { key: 'employed', label: '在职党员', children: bracketsText(set.brackets.employed) },
        { key: 'retired', label: '离退休党员', children: bracketsText(set.brackets.retired) },
        {
          key: 'flat',
          label: '每月固定金额',
          children: FLAT_CATEGORIES.map(
            (c) => `${MEMBER_CATEGORY_LABELS[c]} ${formatYuan(set.flat[c])}元`,
          ).join('；'),
        },
        {
          key: 'rounding',
          label: '取整',
          children: `到${ROUNDING_UNIT_LABELS[set.rounding.unit]}，${ROUNDING_MODE_LABELS[set.rounding.mode]}`,
        },
        { key: 'mode', label: '收入变化时', children: DUES_MODE_LABELS[set.mode] },
        { key: 'org', label: '转接当月', children: CHARGE_ORG_RULE_LABELS[set.chargeOrgOn] },
        {
          key: 'other',
          label: '其他',
          children: `补交、预交超过${set.backPaymentWarnMonths}个月提醒；一次性交纳${formatYuan(set.centreThreshold)}元及以上全额上缴中央`,
        },
      ]}
    />
  );
}

type Editing = { mode: 'create' } | { mode: 'edit'; set: DuesRuleSetView };

/**
 * 参数配置 → 党费收缴标准 (docs/dues.md §7): the versions of the dues rules, each with its standing (现行 / 历史 /
 * 待生效); for the 系统管理员 of the whole deployment, a new version (a copy of the one in force), and the change or
 * deletion of a version not yet in force. Past versions are history: they charged the months begun.
 */
export function DuesRuleSetsPanel() {
  const rules = useDuesRuleSets();
  const create = useCreateDuesRuleSet();
  const change = useChangeDuesRuleSet();
  const remove = useDeleteDuesRuleSet();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Editing | null>(null);

  if (rules.isPending) return <LoadingState />;
  if (rules.isError)
    return <ErrorState error={rules.error} what="党费收缴标准" onRetry={() => rules.refetch()} />;
  const { versions, can } = rules.data;
  const today = dayjs();
  const current = versions.find((v) => v.status === 'current') ?? versions[versions.length - 1];
  const close = () => {
    setEditing(null);
    form.resetFields();
  };
  const start = firstEditableMonth(today);
  const initial =
    editing?.mode === 'edit'
      ? duesFormValuesOf(editing.set)
      : editing?.mode === 'create' && current
        ? duesFormValuesOf({
            ...current,
            version: `${start.format('YYYY年M月')}起施行标准`,
            validFrom: start.format('YYYY-MM-DD'),
          })
        : null;
  const others = versions
    .filter((v) => !(editing?.mode === 'edit' && v.version === editing.set.version))
    .map(setOf);
  const reasonFields = {
    dues_rule_set_version_duplicate: 'version',
    dues_rule_set_version_name_empty: 'version',
    dues_rule_set_valid_from_duplicate: 'validFrom',
    dues_rule_set_valid_from_not_future: 'validFrom',
    dues_rule_set_valid_from_not_month_start: 'validFrom',
  } as const;
  const onError = (e: unknown) => handleError(e, { form, reasonFields, onConflict: () => rules.refetch() });

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        党费交纳比例、固定金额和取整等按版本施行：每个月的应缴党费按该月1日适用的版本计算。新版本只能从今后某月1日起生效，已生效的版本是已开始月份应缴党费的依据，不能修改或删除；尚未生效的版本可以修改或删除。
      </Typography.Paragraph>
      {can.edit ? (
        <div>
          <Button type="primary" onClick={() => setEditing({ mode: 'create' })} disabled={!current}>
            新建版本
          </Button>
        </div>
      ) : (
        <Alert type="info" showIcon title="党费收缴标准由系统管理员在参数配置中维护。" />
      )}
      {[...versions].reverse().map((set) => (
        <RuleVersionCard
          key={set.version}
          version={set.version}
          status={set.status}
          statusLabel={DUES_RULE_SET_STATUS_LABELS[set.status]}
          editable={can.edit && set.editable}
          onEdit={() => setEditing({ mode: 'edit', set })}
          onDelete={() =>
            remove.mutate(set.version, {
              onSuccess: () => message.success('已删除'),
              onError: (e) => handleError(e),
            })
          }
        >
          <RulesOf set={set} />
        </RuleVersionCard>
      ))}
      {editing && initial ? (
        <Modal
          open
          width={1100}
          title={editing.mode === 'create' ? '新建党费收缴标准版本' : `编辑版本“${editing.set.version}”`}
          okText="保存"
          cancelText="取消"
          onOk={() => form.submit()}
          onCancel={close}
          confirmLoading={create.isPending || change.isPending}
          destroyOnHidden
        >
          <DuesRuleSetForm
            form={form}
            initial={initial}
            others={others}
            today={today}
            onSubmit={(body) => {
              const done = {
                onSuccess: () => {
                  message.success('已保存');
                  close();
                },
                onError,
              };
              if (editing.mode === 'create') create.mutate(body, done);
              else
                change.mutate(
                  { ...body, current: editing.set.version, revision: editing.set.revision },
                  done,
                );
            }}
          />
        </Modal>
      ) : null}
    </Flex>
  );
}
