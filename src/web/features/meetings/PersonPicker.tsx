import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useMembers } from '../../api/members.ts';
import { useDebouncedValue } from '../../ui/use-debounced-value.ts';

/** 主持人 or 记录人: a member of the org (by id), or the name of someone from outside (a lecturer from above). */
export type PersonValue = { memberId: number | null; name: string | null };

type Option = { value: string; label: string; person: PersonValue };

const keyOf = (p: PersonValue | null | undefined): string | undefined =>
  p?.memberId ? `m:${p.memberId}` : p?.name ? `n:${p.name}` : undefined;

type PersonPickerProps = {
  /** Members of this org's subtree are offered. */
  orgId: number | undefined;
  value?: PersonValue | null;
  onChange?: (value: PersonValue | null) => void;
  id?: string;
  'aria-label'?: string;
};

/** Searches the org's members by name; a name that matches none can be taken as it is (非本组织人员). */
export function PersonPicker({ orgId, value, onChange, id, 'aria-label': ariaLabel }: PersonPickerProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const members = useMembers({ orgId, q: q || undefined, page: 1, pageSize: 20 });

  const options = useMemo<Option[]>(() => {
    const list: Option[] = (members.data?.items ?? []).map((m) => ({
      value: `m:${m.id}`,
      label: m.name,
      person: { memberId: m.id, name: m.name },
    }));
    const typed = text.trim();
    if (typed && !list.some((o) => o.label === typed)) {
      list.push({
        value: `n:${typed}`,
        label: `${typed}（非本组织党员）`,
        person: { memberId: null, name: typed },
      });
    }
    const current = keyOf(value);
    if (value && current && !list.some((o) => o.value === current)) {
      list.unshift({ value: current, label: value.name ?? '', person: value });
    }
    return list;
  }, [members.data, text, value]);

  return (
    <Select<string, Option>
      id={id}
      aria-label={ariaLabel}
      allowClear
      disabled={!orgId}
      placeholder={orgId ? '输入姓名搜索本组织党员，或直接填写姓名' : '请先选择党组织'}
      value={keyOf(value)}
      showSearch={{ filterOption: false, onSearch: setText }}
      virtual={false}
      loading={members.isFetching}
      options={options}
      notFoundContent={members.isFetching ? '搜索中…' : '输入姓名搜索'}
      onChange={(_, option) => {
        const picked = Array.isArray(option) ? undefined : option;
        onChange?.(picked?.person ?? null);
        setText('');
      }}
    />
  );
}
