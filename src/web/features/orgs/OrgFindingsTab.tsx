import { BookOutlined } from '@ant-design/icons';
import { Flex, List, Typography } from 'antd';
import type { OrgDetail } from '../../../contracts/orgs.ts';
import { FINDING_KIND_LABELS } from '../../../contracts/orgs.ts';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SeverityTag } from './finding-labels.tsx';

/** 问题提醒: what the rules find wrong with this org, each with the article it rests on. */
export function OrgFindingsTab({ org }: { org: OrgDetail }) {
  if (org.findings.length === 0) {
    return (
      <EmptyState
        description={
          org.dissolvedOn ? '该组织已撤销，不再产生提醒。' : '暂无问题提醒：任期与书记配备情况符合规定。'
        }
      />
    );
  }
  return (
    <List
      itemLayout="vertical"
      dataSource={org.findings}
      renderItem={(finding) => (
        <List.Item key={finding.kind}>
          <Flex vertical gap={6}>
            <Flex align="center" gap={8} wrap>
              <SeverityTag severity={finding.severity} />
              <Typography.Text strong>{FINDING_KIND_LABELS[finding.kind]}</Typography.Text>
              {finding.date ? (
                <Typography.Text type="secondary">日期：{formatDate(finding.date)}</Typography.Text>
              ) : null}
            </Flex>
            <Typography.Text>{finding.message}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <BookOutlined /> 依据：{finding.article}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
