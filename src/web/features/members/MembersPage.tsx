import { DownloadOutlined, PlusOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import type { MemberSelection } from '../../api/member-batch.ts';
import { type MemberFilterQuery, type MemberQuery, useMembers } from '../../api/members.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { BatchMoveModal } from './BatchMoveModal.tsx';
import { BatchTransferModal } from './BatchTransferModal.tsx';
import { ExportMembersModal } from './ExportMembersModal.tsx';
import { type BatchAction, MemberBatchBar } from './MemberBatchBar.tsx';
import { MemberFilters } from './MemberFilters.tsx';
import { MemberFormDrawer } from './MemberFormDrawer.tsx';
import { MemberTable } from './MemberTable.tsx';
import {
  activeFilterCount,
  filterOf,
  filterToQuery,
  type MemberFilterValues,
  queryFromSearch,
  queryToFilter,
  searchFromQuery,
} from './member-query.ts';
import { OpenAccountsModal } from './OpenAccountsModal.tsx';

export const SEARCH_PLACEHOLDER = '姓名 / 拼音 / 拼音首字母 / 身份证号 / 手机号';

/** 党员名册: filter, search, page through the roster; 新增党员, 导入, 导出 (docs/design.md §4.3). */
export function MembersPage() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromSearch(params), [params]);
  const [form] = Form.useForm<MemberFilterValues>();
  const [text, setText] = useState(query.q ?? '');
  // The header's 导出 and 开通账号 take the filter; the batch bar's (`selected-…`) the selection.
  const [open, setOpen] = useState<
    'create' | 'export' | 'accounts' | 'selected-export' | 'selected-accounts' | BatchAction | null
  >(null);
  const members = useMembers(query);
  const may = (p: string) => me.data?.permissions.includes(p) ?? false;
  const canManage = may('member.manage');
  const { message } = App.useApp();
  const total = members.data?.total ?? 0;

  // 批量操作: the ids ticked (across pages), or everything the filter matches; a new filter clears it.
  const { sort: _sort, ...filterOnly } = filterOf(query);
  const filterKey = JSON.stringify(filterOnly);
  const [picked, setPicked] = useState<number[]>([]);
  const [all, setAll] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selection belongs to one filter
  useEffect(() => {
    setPicked([]);
    setAll(false);
  }, [filterKey]);
  const clearSelection = () => {
    setPicked([]);
    setAll(false);
  };
  const byFilter: MemberSelection = { filter: filterOnly as MemberFilterQuery };
  const selection: MemberSelection | null = all ? byFilter : picked.length > 0 ? { memberIds: picked } : null;
  const selectedCount = all ? total : picked.length;
  const batchDone = (what: string) => (count: number) => {
    message.success(`已为 ${count} 名党员${what}`);
    setOpen(null);
    clearSelection();
  };

  // The form follows the URL (a link, 返回 from a member), not the other way round.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(queryToFilter(query));
    setText(query.q ?? '');
  }, [form, query]);

  const go = (next: MemberQuery) => setParams(searchFromQuery(next));
  const search = (values: MemberFilterValues, q: string) =>
    go({ ...filterToQuery(values, q), sort: query.sort, page: 1, pageSize: query.pageSize });
  const filtered = activeFilterCount(query) > 0 || !!query.q;

  return (
    <>
      <PageHeader
        title="党员名册"
        description="管辖范围内全部党员：按组织、状态等筛选，按姓名、拼音、身份证号或手机号查找。"
        extra={
          <>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('create')}>
                新增党员
              </Button>
            ) : null}
            {canManage ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/member-imports/new')}>
                导入
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} onClick={() => setOpen('export')}>
              导出
            </Button>
            {may('member.account') ? (
              <Button icon={<UserAddOutlined />} onClick={() => setOpen('accounts')}>
                开通账号
              </Button>
            ) : null}
          </>
        }
      />
      <MemberFilters
        orgId={query.orgId}
        form={form}
        onSearch={(values) => search(values, text)}
        onReset={() => search({}, '')}
      />
      <Card>
        {selection ? (
          <div style={{ marginBottom: 12 }}>
            <MemberBatchBar
              count={selectedCount}
              all={all}
              total={total}
              onSelectAll={() => setAll(true)}
              onClear={clearSelection}
              onAction={(action) =>
                setOpen(action === 'export' || action === 'accounts' ? `selected-${action}` : action)
              }
              canManage={canManage}
              canOpenAccounts={may('member.account')}
            />
          </div>
        ) : null}
        {members.isError ? (
          <ErrorState error={members.error} what="党员名册" onRetry={() => members.refetch()} />
        ) : (
          <MemberTable
            query={query}
            items={members.data?.items ?? []}
            total={members.data?.total ?? 0}
            loading={members.isFetching}
            onChange={go}
            backTo={location.pathname + location.search}
            selection={{ ids: picked, all, onChange: setPicked }}
            toolbar={
              <Flex align="center" gap={12} wrap style={{ flex: '1 1 320px' }}>
                <Input.Search
                  aria-label="搜索党员"
                  placeholder={SEARCH_PLACEHOLDER}
                  allowClear
                  enterButton="搜索"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onSearch={(q) => search(form.getFieldsValue(), q)}
                  style={{ maxWidth: 480 }}
                />
                {activeFilterCount(query) > 0 ? (
                  <Typography.Text type="secondary">
                    已设置筛选条件 <Badge count={activeFilterCount(query)} color="blue" />
                  </Typography.Text>
                ) : null}
              </Flex>
            }
            emptyText={
              filtered
                ? '没有符合条件的党员，请调整筛选条件或搜索内容。'
                : canManage
                  ? '还没有党员信息：点击“新增党员”逐个录入，或点击“导入”从 Excel 批量导入。'
                  : '管辖范围内暂无党员信息。'
            }
          />
        )}
      </Card>
      {canManage ? (
        <MemberFormDrawer
          mode="create"
          open={open === 'create'}
          onClose={() => setOpen(null)}
          onSaved={(m) => navigate(`/members/${m.id}`)}
        />
      ) : null}
      {may('member.account') ? (
        <OpenAccountsModal
          open={open === 'accounts' || open === 'selected-accounts'}
          onClose={() => setOpen(null)}
          selection={open === 'selected-accounts' && selection ? selection : byFilter}
          total={open === 'selected-accounts' ? selectedCount : total}
        />
      ) : null}
      <ExportMembersModal
        open={open === 'export' || open === 'selected-export'}
        onClose={() => setOpen(null)}
        filter={filterOf(query)}
        total={open === 'selected-export' ? selectedCount : total}
        canReveal={may('member.reveal')}
        selection={open === 'selected-export' ? selection : null}
      />
      {canManage && selection ? (
        <>
          <BatchMoveModal
            open={open === 'move'}
            onClose={() => setOpen(null)}
            onDone={batchDone('调整党小组')}
            selection={selection}
            count={selectedCount}
          />
          <BatchTransferModal
            open={open === 'transfer'}
            onClose={() => setOpen(null)}
            onDone={batchDone('开具介绍信')}
            selection={selection}
            count={selectedCount}
          />
        </>
      ) : null}
    </>
  );
}
