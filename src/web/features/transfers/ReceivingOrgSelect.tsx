import { Flex, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ORG_KIND_LABELS } from '../../../domain/org/index.ts';
import { type ReceivingOrg, useReceivingOrgs } from '../../api/transfers.ts';
import { useDebouncedValue } from '../../ui/use-debounced-value.ts';

type ReceivingOrgSelectProps = {
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** The member's own org: shown, but not selectable. */
  currentOrgId: number;
  id?: string;
  'aria-label'?: string;
};

type Option = { value: number; label: string; org: ReceivingOrg; disabled: boolean };

/** 接收党组织: a 党支部 or 党小组 anywhere in the deployment, by name or code, with its parent to tell twins apart. */
export function ReceivingOrgSelect({
  value,
  onChange,
  currentOrgId,
  id,
  'aria-label': ariaLabel,
}: ReceivingOrgSelectProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const search = useReceivingOrgs(q);
  const options = useMemo<Option[]>(
    () =>
      (search.data ?? []).map((org) => ({
        value: org.id,
        label: org.name,
        org,
        disabled: org.id === currentOrgId,
      })),
    [search.data, currentOrgId],
  );
  return (
    <Select<number, Option>
      id={id}
      aria-label={ariaLabel}
      value={value}
      placeholder="输入支部名称或组织代码搜索（全系统）"
      loading={search.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      notFoundContent={search.isFetching ? '搜索中…' : q ? '没有匹配的党支部或党小组' : '输入名称或代码搜索'}
      onChange={(next) => onChange?.(next)}
      optionRender={(option) => {
        const { org, disabled } = option.data;
        return (
          <Flex vertical>
            <Flex gap={6} align="center">
              <span>{org.name}</span>
              <Tag variant="filled">{ORG_KIND_LABELS[org.kind]}</Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {disabled ? '党员当前所在组织' : [org.parentName, org.code].filter(Boolean).join(' · ') || '—'}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}
