import { Tag } from 'antd';
import type { FindingKind, Severity } from '../../../domain/org-findings.ts';

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  term_expired: '任期已届满',
  term_expiring: '任期即将届满',
  head_vacant: '书记空缺',
};

const SEVERITY_TAGS: Record<Severity, { label: string; color: string }> = {
  critical: { label: '紧急', color: 'error' },
  warning: { label: '提醒', color: 'warning' },
  info: { label: '提示', color: 'default' },
};

export function SeverityTag({ severity }: { severity: Severity }) {
  const { label, color } = SEVERITY_TAGS[severity];
  return <Tag color={color}>{label}</Tag>;
}
