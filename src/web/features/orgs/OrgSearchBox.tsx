import { AutoComplete, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ORG_KIND_LABELS } from '../../../domain/org/index.ts';
import { useOrgSearch } from '../../api/orgs.ts';
import { useDebouncedValue } from '../../ui/use-debounced-value.ts';

const PAGE_SIZE = 20;

/** Finds an org by name anywhere in the scope (GET /api/orgs?q=), with its path; choosing one selects it. */
type OrgSearchBoxProps = {
  onSelect: (id: number) => void;
  /** Also find dissolved orgs (when the tree shows them). */
  includeDissolved?: boolean;
};

export function OrgSearchBox({ onSelect, includeDissolved = false }: OrgSearchBoxProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const search = useOrgSearch(
    { q, pageSize: PAGE_SIZE, ...(includeDissolved ? { includeDissolved: 'true' } : {}) },
    q.length > 0,
  );
  const hits = q ? (search.data?.items ?? []) : [];
  const total = search.data?.total ?? 0;

  const options = hits.map((hit) => ({
    value: String(hit.id),
    label: (
      <Flex vertical style={{ paddingBlock: 2 }}>
        <Flex gap={6} align="center">
          <span>{hit.name}</span>
          <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
            {ORG_KIND_LABELS[hit.kind]}
          </Tag>
          {hit.dissolvedOn ? <Tag>已撤销</Tag> : null}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {hit.pathNames || '管辖范围顶层'}
        </Typography.Text>
      </Flex>
    ),
  }));

  return (
    <AutoComplete
      value={text}
      options={
        q && total > hits.length
          ? [
              ...options,
              {
                value: '__more',
                disabled: true,
                label: (
                  <Typography.Text type="secondary">
                    共 {total} 个结果，仅显示前 {PAGE_SIZE} 个，请输入更完整的名称
                  </Typography.Text>
                ),
              },
            ]
          : options
      }
      // Every hit is a role=option in the listbox (a virtual list exposes only the active one).
      virtual={false}
      onChange={setText}
      onSelect={(value: string) => {
        setText('');
        onSelect(Number(value));
      }}
      notFoundContent={q && !search.isFetching ? '没有匹配的组织' : null}
      style={{ width: '100%' }}
      popupMatchSelectWidth={360}
    >
      <Input.Search placeholder="搜索组织名称" aria-label="搜索组织" allowClear loading={search.isFetching} />
    </AutoComplete>
  );
}
