import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { COMPLIANCE_FINDING_KIND_LABELS } from '../../../contracts/compliance.ts';
import type { ComplianceFinding } from '../../api/compliance.ts';

const KIND_COLOURS: Record<ComplianceFinding['kind'], string> = {
  missing: 'red',
  not_closed: 'orange',
  due: 'gold',
  quorum_not_reached: 'red',
  no_minutes: 'orange',
};

/** Where a finding is dealt with: plan the missing meeting (in the group it is missing in), or open the meeting. */
function actionOf(f: ComplianceFinding, orgId: number): { to: string; label: string } | null {
  if ((f.kind === 'missing' || f.kind === 'due') && f.meetingKind) {
    const search = new URLSearchParams({ orgId: String(f.group?.id ?? orgId), kind: f.meetingKind });
    return { to: `/meetings/new?${search.toString()}`, label: '安排会议' };
  }
  const [meetingId] = f.meetingIds;
  return meetingId === undefined ? null : { to: `/meetings/${meetingId}`, label: '查看会议' };
}

/**
 * The org's own findings for the period (a 党支部's: which requirement is missing in which month, quarter or group,
 * which meeting waits to be closed), each with the link that deals with it.
 */
export function ComplianceFindings({ findings, orgId }: { findings: ComplianceFinding[]; orgId: number }) {
  return (
    <List
      aria-label="本组织的考核发现"
      data-testid="compliance-findings"
      size="small"
      bordered
      locale={{ emptyText: '本期间没有发现问题。' }}
      dataSource={findings}
      renderItem={(f) => {
        const action = actionOf(f, orgId);
        return (
          <List.Item
            key={`${f.kind}-${f.requirementId ?? ''}-${f.period}-${f.group?.id ?? ''}-${f.meetingIds.join(',')}`}
            actions={
              action
                ? [
                    <Link key="act" to={action.to} aria-label={`${action.label}：${f.message}`}>
                      {action.label}
                    </Link>,
                  ]
                : []
            }
          >
            <Typography.Text>
              <Tag color={KIND_COLOURS[f.kind]}>{COMPLIANCE_FINDING_KIND_LABELS[f.kind]}</Tag>
              {f.message}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {f.article}
              </Typography.Text>
            </Typography.Text>
          </List.Item>
        );
      }}
    />
  );
}
