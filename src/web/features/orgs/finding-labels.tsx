import { Tag } from 'antd';
import type { Severity } from '../../../domain/org/index.ts';

const SEVERITY_TAGS: Record<Severity, { label: string; color: string }> = {
  critical: { label: '紧急', color: 'error' },
  warning: { label: '提醒', color: 'warning' },
  info: { label: '提示', color: 'default' },
};

export function SeverityTag({ severity }: { severity: Severity }) {
  const { label, color } = SEVERITY_TAGS[severity];
  return <Tag color={color}>{label}</Tag>;
}
