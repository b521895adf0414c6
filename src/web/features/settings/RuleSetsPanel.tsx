import { Alert, App, Button, Flex, Form, Modal, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { CADENCE_LABELS } from '../../../contracts/compliance.ts';
import { ORG_KIND_LABELS } from '../../../domain/org/index.ts';
import {
  type ComplianceRuleSet,
  MEETING_KIND_LABELS,
  RULE_SET_STATUS_LABELS,
} from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import {
  type RequirementView,
  type RuleSetView,
  useChangeRuleSet,
  useComplianceRules,
  useCreateRuleSet,
  useDeleteRuleSet,
} from '../../api/compliance-rules.ts';
import { formatDate } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { firstEditableMonth, formValuesOf, RuleSetForm, type RuleSetFormValues } from './RuleSetForm.tsx';
import { RuleVersionCard } from './RuleVersionCard.tsx';

function setOf(v: RuleSetView): ComplianceRuleSet {
  return { ...v, validFrom: v.validFrom as IsoDate };
}

function notes(r: RequirementView): string {
  return [r.needsCommittee && '需设支委会', r.perGroup && '按党小组', r.byHead && '须书记讲授']
    .filter(Boolean)
    .join('、');
}

function RequirementsOf({ set }: { set: RuleSetView }) {
  return (
    <Table<RequirementView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={set.requirements}
      columns={[
        {
          title: '会议类型',
          render: (_, r) => `${r.byHead ? '书记讲' : ''}${MEETING_KIND_LABELS[r.meetingKind]}`,
        },
        { title: '周期', render: (_, r) => CADENCE_LABELS[r.cadence] },
        { title: '最少次数', dataIndex: 'minCount' },
        {
          title: '适用组织',
          render: (_, r) =>
            r.appliesTo.length === 4 ? '各类党支部' : r.appliesTo.map((k) => ORG_KIND_LABELS[k]).join('、'),
        },
        { title: '备注', render: (_, r) => notes(r) || '—' },
        {
          title: '依据',
          render: (_, r) => (
            <>
              {r.article || '—'} {r.local ? <Tag>地方实践</Tag> : null}
            </>
          ),
        },
      ]}
    />
  );
}

type Editing = { mode: 'create' } | { mode: 'edit'; set: RuleSetView };

/**
 * 参数配置 → 组织生活达标规则 (docs/organizational-life.md §7.2): the versions of the rules, each with its standing
 * (现行 / 历史 / 待生效) and requirements; for the 系统管理员, a new version (a copy of the one in force), and the
 * change or deletion of a version not yet in force. Past versions are history: they judged the periods begun.
 */
export function RuleSetsPanel() {
  const rules = useComplianceRules();
  const create = useCreateRuleSet();
  const change = useChangeRuleSet();
  const remove = useDeleteRuleSet();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Editing | null>(null);

  if (rules.isPending) return <LoadingState />;
  if (rules.isError)
    return <ErrorState error={rules.error} what="考核规则" onRetry={() => rules.refetch()} />;
  const { items, can } = rules.data;
  const today = dayjs();
  const current = items.find((i) => i.status === 'current') ?? items[items.length - 1];

  const close = () => {
    setEditing(null);
    form.resetFields();
  };
  const reasonFields = {
    rule_set_version_duplicate: 'version',
    rule_set_version_name_empty: 'version',
    rule_set_valid_from_duplicate: 'validFrom',
    rule_set_valid_from_not_future: 'validFrom',
    rule_set_valid_from_not_month_start: 'validFrom',
    rule_set_reminder_days_out_of_range: 'reminderDays',
  } as const;
  const onError = (e: unknown) => handleError(e, { form, reasonFields, onConflict: () => rules.refetch() });

  const initial: RuleSetFormValues | null =
    editing?.mode === 'edit'
      ? formValuesOf(editing.set)
      : editing?.mode === 'create' && current
        ? formValuesOf({
            ...current,
            version: `${firstEditableMonth(today).format('YYYY年M月')}起施行版本`,
            validFrom: firstEditableMonth(today).format('YYYY-MM-DD'),
          })
        : null;
  const others = items
    .filter((i) => i.stored && !(editing?.mode === 'edit' && i.version === editing.set.version))
    .map(setOf);

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        组织生活“三会一课”等考核要求按版本施行：每个考核期间（月、季度、年）按其第一天适用的版本考核。新版本只能从今后某月1日起生效，已生效的版本是已考核期间的依据，不能修改或删除；尚未生效的版本可以修改或删除。
      </Typography.Paragraph>
      {can.edit ? (
        <div>
          <Button type="primary" onClick={() => setEditing({ mode: 'create' })} disabled={!current}>
            新建版本
          </Button>
        </div>
      ) : (
        <Alert type="info" showIcon title="考核规则由系统管理员在参数配置中维护。" />
      )}
      {[...items].reverse().map((set) => (
        <RuleVersionCard
          key={set.version}
          version={set.version}
          status={set.status}
          statusLabel={RULE_SET_STATUS_LABELS[set.status]}
          editable={can.edit && set.editable}
          onEdit={() => setEditing({ mode: 'edit', set })}
          onDelete={() =>
            remove.mutate(set.version, {
              onSuccess: () => message.success('已删除'),
              onError: (e) => handleError(e),
            })
          }
        >
          <Typography.Paragraph>
            生效日期：{formatDate(set.validFrom)}　提前提醒：{set.reminderDays}天　一次会议计入多种类型：
            {set.oneMeetingManyKinds ? '是' : '否'}
          </Typography.Paragraph>
          <RequirementsOf set={set} />
        </RuleVersionCard>
      ))}
      {editing && initial ? (
        <Modal
          open
          width={1200}
          title={editing.mode === 'create' ? '新建考核规则版本' : `编辑版本“${editing.set.version}”`}
          okText="保存"
          cancelText="取消"
          onOk={() => form.submit()}
          onCancel={close}
          confirmLoading={create.isPending || change.isPending}
          destroyOnHidden
        >
          <RuleSetForm
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
