import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import {
  CLOSED_PERIOD_POLICY_LABELS,
  type ImportLimitsSchema,
  type MemberAccountPolicySchema,
  type OrgLifeSettingsSchema,
  type OrgSettingsSchema,
  type SecurityPolicySchema,
  type SettingGroup,
} from '../../../contracts/settings.ts';
import { z } from '../../../contracts/zod-zh.ts';
import { USERNAME_RULE_LABELS, USERNAME_RULES } from '../../../domain/access/index.ts';
import { CLOSED_PERIOD_POLICIES } from '../../../domain/membership/index.ts';
import { ORG_KIND_LABELS, ORG_KINDS } from '../../../domain/org/index.ts';
import {
  EXPECTED_EXCLUSION_REASON_LABELS,
  EXPECTED_EXCLUSION_REASONS,
  TALK_PAIRING_LABELS,
  TALK_PAIRINGS,
} from '../../../domain/org-life/index.ts';
import { useReloadSettings, useSaveSettings, useSettings } from '../../api/settings.ts';
import { contractRules, fieldLimits } from '../../ui/contract-rules.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { POLICY_FIELDS } from './policy-fields.ts';

/** The group's values as stored; the contract's schema checks them before they are saved. */
type Values = Record<string, unknown>;

type PolicyFormProps = {
  group: SettingGroup;
  /** The contract's schema of the group: it gives labels, bounds and cross-field rules. */
  schema:
    | typeof SecurityPolicySchema
    | typeof OrgSettingsSchema
    | typeof ImportLimitsSchema
    | typeof MemberAccountPolicySchema
    | typeof OrgLifeSettingsSchema;
  intro: string;
};

/** One group of parameters, edited as a whole and saved with the version it was read at. */
export function PolicyForm({ group, schema, intro }: PolicyFormProps) {
  const settings = useSettings(group);
  const save = useSaveSettings(group);
  const reload = useReloadSettings(group);
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const fields = POLICY_FIELDS[group];

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data.value);
  }, [settings.data, form]);

  if (settings.isPending) return <LoadingState />;
  if (settings.isError)
    return <ErrorState error={settings.error} what="参数" onRetry={() => settings.refetch()} />;
  const { version, updatedAt } = settings.data;

  const submit = (values: Values) => {
    // Rules across fields (紧急 ≤ 一般) are checked here as well as on the server.
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: String(i.path[0]), errors: [i.message] })));
      return;
    }
    save.mutate(
      { value: parsed.data, version },
      {
        onSuccess: () => message.success('参数已保存，立即生效'),
        onError: (error) =>
          handleError(error, {
            form,
            prefix: ['value'],
            knownFields: fields.map((f) => f.key),
            onConflict: reload,
          }),
      },
    );
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      <Alert type="info" showIcon title={intro} />
      <Form
        name={`settings-${group}`}
        form={form}
        layout="horizontal"
        labelCol={{ flex: '220px' }}
        onFinish={submit}
        aria-label={intro}
      >
        {fields.map(({ key, unit, help, kind }) => {
          const field = (schema.shape as Record<string, z.ZodType>)[key] ?? z.unknown();
          const label = field.description ?? key;
          if (kind === 'switch') {
            return (
              <Form.Item key={key} label={label} name={key} valuePropName="checked" extra={help}>
                <Switch checkedChildren="开启" unCheckedChildren="关闭" />
              </Form.Item>
            );
          }
          if (kind === 'text') {
            return (
              <Form.Item
                key={key}
                label={label}
                name={key}
                extra={help}
                rules={contractRules(field, { required: '请填写' })}
              >
                <Input style={{ width: 180 }} />
              </Form.Item>
            );
          }
          if (kind === 'username-rule') {
            return (
              <Form.Item key={key} label={label} name={key} extra={help}>
                <Select options={USERNAME_RULES.map((r) => ({ value: r, label: USERNAME_RULE_LABELS[r] }))} />
              </Form.Item>
            );
          }
          if (kind === 'closed-period-policy') {
            return (
              <Form.Item key={key} label={label} name={key} extra={help}>
                <Select
                  aria-label={label}
                  options={CLOSED_PERIOD_POLICIES.map((p) => ({
                    value: p,
                    label: CLOSED_PERIOD_POLICY_LABELS[p],
                  }))}
                />
              </Form.Item>
            );
          }
          if (kind === 'talk-pairings') {
            return (
              <Form.Item key={key} label={label} name={key} extra={help}>
                <Checkbox.Group
                  options={TALK_PAIRINGS.map((p) => ({ value: p, label: TALK_PAIRING_LABELS[p] }))}
                />
              </Form.Item>
            );
          }
          if (kind === 'exclusion-reasons') {
            return (
              <Form.Item key={key} label={label} name={key} extra={help}>
                <Checkbox.Group
                  options={EXPECTED_EXCLUSION_REASONS.map((r) => ({
                    value: r,
                    label: EXPECTED_EXCLUSION_REASON_LABELS[r],
                  }))}
                />
              </Form.Item>
            );
          }
          if (kind === 'org-kinds') {
            return (
              <Form.Item key={key} label={label} name={key} extra={help}>
                <Checkbox.Group options={ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))} />
              </Form.Item>
            );
          }
          const { min, max } = fieldLimits(field);
          return (
            <Form.Item
              key={key}
              label={label}
              name={key}
              extra={[help, `可设范围 ${min}–${max} ${unit}`].filter(Boolean).join(' ')}
              rules={contractRules(field, { required: '请填写' })}
            >
              <InputNumber min={min} max={max} precision={0} suffix={unit} style={{ width: 180 }} />
            </Form.Item>
          );
        })}
        <Form.Item label=" " colon={false}>
          <Flex gap={8} align="center">
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
            <Button onClick={() => form.setFieldsValue(settings.data.value)}>恢复为已保存的值</Button>
          </Flex>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        {updatedAt ? `最后修改于 ${formatDateTime(updatedAt)}` : '当前为系统默认值，尚未修改过。'}
      </Typography.Text>
    </Flex>
  );
}
