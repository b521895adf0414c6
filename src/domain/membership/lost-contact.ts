import { addMonths, type IsoDate } from '../shared/index.ts';
import type { MemberWarning } from './confirmation.ts';

/**
 * 失联 and 停止党籍 (docs/membership.md §6; 党员教育管理工作条例第二十四条): a member out of contact for 6 months or
 * more is a 失联党员, and one still unreachable after searching has their standing suspended. A suspension
 * sooner than 6 months after contact was lost is accepted (the branch may have other grounds) but flagged.
 */
export const LOST_CONTACT_MONTHS = 6;

export function suspensionWarnings(lostContactOn: IsoDate | null, suspendedOn: IsoDate): MemberWarning[] {
  if (lostContactOn === null) return [];
  const due = addMonths(lostContactOn, LOST_CONTACT_MONTHS);
  if (suspendedOn >= due) return [];
  return [
    {
      reason: 'suspended_before_six_months',
      message: `失去联系（${lostContactOn}）未满6个月即停止党籍，一般应在失联满6个月（${due}）后经查找仍无法联系的再作决定，请核对`,
    },
  ];
}
