import { MEMBER_EVENT_KIND_LABELS } from '../../../contracts/members.ts';
import {
  LEFT_REASON_LABELS,
  type LeftReason,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  type MemberCategory,
  type MemberEventKind,
  type MemberStatus,
} from '../../../domain/membership/index.ts';

/** How an event reads: joining or returning, leaving or losing standing, ending, or a plain change. */
export type EventTone = 'gain' | 'loss' | 'end' | 'change';

const TONES: Record<MemberEventKind, EventTone> = {
  registered: 'gain',
  confirmed: 'gain',
  restored: 'gain',
  marked_reachable: 'gain',
  suspended: 'loss',
  marked_unreachable: 'loss',
  left: 'loss',
  died: 'end',
  transferred_out: 'end',
  probation_extended: 'change',
  category_changed: 'change',
  org_changed: 'change',
};

/** The Chinese name of a history event (from the contracts: the one table of labels). */
export function memberEventLabel(kind: MemberEventKind): string {
  return MEMBER_EVENT_KIND_LABELS[kind];
}

export function memberEventTone(kind: MemberEventKind): EventTone {
  return TONES[kind];
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
