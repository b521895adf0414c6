import {
  LEFT_REASON_LABELS,
  type LeftReason,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  type MemberCategory,
  type MemberStatus,
} from '../../../domain/membership/index.ts';

/** Chinese names of the member's history events (member_events.kind). */
export const MEMBER_EVENT_LABELS: Record<string, string> = {
  registered: '登记入册',
  admitted: '入党',
  imported: '导入入册',
  confirm: '转正',
  confirmed: '转正',
  extend_probation: '延长预备期',
  probation_extended: '延长预备期',
  suspend: '停止党籍',
  suspended: '停止党籍',
  restore: '恢复党籍',
  restored: '恢复党籍',
  mark_unreachable: '标记失联',
  marked_unreachable: '标记失联',
  mark_reachable: '恢复联系',
  marked_reachable: '恢复联系',
  leave: '出党',
  left: '出党',
  transfer_out: '组织关系转出',
  transfer_in: '组织关系转入',
  transferred_out: '转出本系统',
  transferred: '组织关系转接',
  org_change: '组织关系转接',
  org_changed: '组织关系转接',
  category_change: '变更人员类别',
  category_changed: '变更人员类别',
  updated: '修改信息',
  contact_updated: '本人修改联系方式',
};

const GREEN = new Set([
  'registered',
  'admitted',
  'imported',
  'confirmed',
  'restored',
  'marked_reachable',
  'transfer_in',
]);
const RED = new Set(['suspended', 'marked_unreachable', 'left']);
const GRAY = new Set(['transferred_out']);

export function memberEventLabel(kind: string): string {
  return MEMBER_EVENT_LABELS[kind] ?? kind;
}

/** How an event reads: joining or returning, leaving or losing standing, ending, or a plain change. */
export type EventTone = 'gain' | 'loss' | 'end' | 'change';

export function memberEventTone(kind: string): EventTone {
  if (GREEN.has(kind)) return 'gain';
  if (RED.has(kind)) return 'loss';
  if (GRAY.has(kind)) return 'end';
  return 'change';
}

/** The line under an event: `正式党员 → 停止党籍`, or only the new value when there was none before. */
export function memberChangeLine(fromValue: string | null, toValue: string | null): string | null {
  if (!fromValue && !toValue) return null;
  if (!fromValue) return `状态：${memberValueLabel(toValue)}`;
  return `${memberValueLabel(fromValue)} → ${memberValueLabel(toValue)}`;
}

/** A recorded value as a person reads it: a status, a category or a reason by its label; dates as they are. */
export function memberValueLabel(value: string | null): string {
  if (value === null || value === '') return '—';
  return (
    MEMBER_STATUS_LABELS[value as MemberStatus] ??
    MEMBER_CATEGORY_LABELS[value as MemberCategory] ??
    LEFT_REASON_LABELS[value as LeftReason] ??
    value
  );
}
