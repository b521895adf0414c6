import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import { isBranchKind } from '../../../domain/org/index.ts';
import { useOrgDetail } from '../../api/orgs.ts';
import { type TalkView, useDeleteTalk, useTalks } from '../../api/talks.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { useOrgLifeOrg } from '../appraisals/use-org-life-org.ts';
import { YearSelect } from '../appraisals/YearSelect.tsx';
import { TalkCoverageCard } from './TalkCoverageCard.tsx';
import { TalkFormModal } from './TalkFormModal.tsx';

/** 谈心谈话 (支部工作条例第十九条): the records under an org for a year, and a branch's coverage of the pairs. */
export function TalksPage() {
  const { orgId, year, own, go } = useOrgLifeOrg();
  const detail = useOrgDetail(orgId);
  const branch = detail.data ? isBranchKind(detail.data.kind) : false;
  const [page, setPage] = useState(1);
  const talks = useTalks({ ...(orgId ? { orgId } : {}), year, page, pageSize: 20 });
  const remove = useDeleteTalk();
  const handleError = useApiErrorHandler();
  const [recording, setRecording] = useState<{ memberId: number; partnerId: number } | null | undefined>(
    undefined,
  );
  return (
    <>
      <PageHeader
        title="谈心谈话"
        description="支部委员之间、支部委员和党员之间、党员之间每年至少开展一次谈心谈话。"
        extra={
          branch ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(null)}>
              登记谈心谈话
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={24} wrap align="center">
          <Form.Item label="党组织（含下级）" style={{ margin: 0, minWidth: 360 }}>
            <OrgSelect
              key={`${orgId ?? 'none'}-${detail.data?.name ?? ''}`}
              aria-label="党组织"
              value={orgId}
              initial={detail.data ? { id: detail.data.id, name: detail.data.name } : own}
              onChange={(id) => go({ orgId: id })}
            />
          </Form.Item>
          <Form.Item label="年度" style={{ margin: 0 }}>
            <YearSelect value={year} onChange={(y) => go({ year: y })} />
          </Form.Item>
        </Flex>
      </Card>
      {orgId && branch ? (
        <TalkCoverageCard orgId={orgId} year={year} onRecord={(pair) => setRecording(pair)} />
      ) : (
        <Alert
          type="info"
          showIcon
          title="选择一个党支部，查看谈话覆盖情况并登记谈话。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Card size="small" title="谈话记录">
        {talks.isError ? (
          <ErrorState error={talks.error} what="谈话记录" onRetry={() => talks.refetch()} />
        ) : (
          <Table<TalkView>
            rowKey="id"
            size="small"
            aria-label="谈话记录"
            loading={talks.isFetching}
            dataSource={talks.data?.items ?? []}
            locale={{ emptyText: `${year}年暂无谈话记录` }}
            pagination={{
              current: page,
              pageSize: 20,
              total: talks.data?.total ?? 0,
              onChange: setPage,
              showTotal: (n) => `共 ${n} 条`,
            }}
            columns={[
              { title: '日期', dataIndex: 'talkedOn', width: 110 },
              { title: '党支部', dataIndex: 'orgName', width: 200 },
              { title: '谈话人', dataIndex: 'memberName', width: 100 },
              { title: '谈话对象', dataIndex: 'partnerName', width: 100 },
              { title: '主题', dataIndex: 'topic' },
              { title: '要点', dataIndex: 'summary', ellipsis: true },
              {
                title: '操作',
                key: 'actions',
                width: 80,
                render: (_, t) =>
                  t.can.edit ? (
                    <Popconfirm
                      title="删除这条谈话记录？"
                      onConfirm={() =>
                        remove.mutate({ id: t.id, version: t.version }, { onError: (e) => handleError(e) })
                      }
                    >
                      <Button size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {recording !== undefined && orgId ? (
        <TalkFormModal
          orgId={orgId}
          initial={recording ?? undefined}
          onClose={() => setRecording(undefined)}
        />
      ) : null}
    </>
  );
}
