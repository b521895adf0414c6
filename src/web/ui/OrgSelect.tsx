import { Flex, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ORG_KIND_LABELS } from '../../domain/org/index.ts';
import { type OrgSearchHit, useOrgSearch } from '../api/orgs.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

export type OrgOption = { id: number; name: string };

type OrgSelectProps = {
  value?: number | null;
  onChange?: (id: number | undefined, org: OrgOption | undefined) => void;
  /** The org of the current value, so that its name shows before any search. */
  initial?: OrgOption | null;
  placeholder?: string;
  /** Why an org cannot be chosen here (shown on the option), or undefined when it can. */
  disabledReason?: (hit: OrgSearchHit) => string | undefined;
  allowClear?: boolean;
  id?: string;
  'aria-label'?: string;
  /** Where a browser test reads the org the select shows (the combobox's own value is the search text). */
  'data-testid'?: string;
};

type Option = { value: number; label: string; disabled?: boolean; hit?: OrgSearchHit; reason?: string };

/** Picks an org in the user's scope by searching its name (GET /api/orgs?q=), never by loading the tree. */
export function OrgSelect({
  value,
  onChange,
  initial,
  placeholder = '输入组织名称搜索',
  disabledReason,
  allowClear,
  id,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: OrgSelectProps) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<OrgOption | null>(initial ?? null);
  const q = useDebouncedValue(text.trim(), 300);
  const search = useOrgSearch({ q: q || undefined, pageSize: 20 });

  const options = useMemo<Option[]>(() => {
    const hits = search.data?.items ?? [];
    const list: Option[] = hits.map((hit) => {
      const reason = disabledReason?.(hit);
      return { value: hit.id, label: hit.name, disabled: reason !== undefined, hit, reason };
    });
    const current = chosen ?? initial;
    if (current && value === current.id && !list.some((o) => o.value === current.id)) {
      list.unshift({ value: current.id, label: current.name });
    }
    return list;
  }, [search.data, disabledReason, chosen, initial, value]);

  return (
    <Select<number, Option>
      id={id}
      aria-label={ariaLabel}
      data-testid={testId}
      value={value ?? undefined}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={search.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      // Every option is a role=option in the listbox (a virtual list exposes only the active one).
      virtual={false}
      options={options}
      notFoundContent={search.isFetching ? '搜索中…' : q ? '没有匹配的组织' : '输入名称搜索组织'}
      onChange={(next, option) => {
        const picked = Array.isArray(option) ? undefined : option;
        const org = picked && next !== undefined ? { id: next, name: picked.label } : undefined;
        setChosen(org ?? null);
        onChange?.(next, org);
      }}
      optionRender={(option) => {
        const { hit, reason } = option.data;
        if (!hit) return option.data.label;
        return (
          <Flex vertical>
            <Flex gap={6} align="center">
              <span>{hit.name}</span>
              <Tag variant="filled">{ORG_KIND_LABELS[hit.kind]}</Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {reason ?? (hit.pathNames || '（管辖范围顶层）')}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}
