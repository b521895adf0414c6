import { isBranchKind, type OrgFinding, type OrgKind } from '../org/index.ts';
import { addMonths, addYears, daysBetween, type IsoDate } from '../shared/index.ts';
import { LOST_CONTACT_MONTHS } from './lost-contact.ts';
import { isOnRoster, type MemberStatus } from './member-status.ts';

/**
 * The deadlines a branch must act on for one member or one transfer (docs/membership.md §3.2, §6, §7), as to-dos
 * (待办) of the org the member is placed in, or of the org that must receive the transfer. Each names its subject
 * and says how many days are left or overdue; acting on it (转正, 停止党籍, 恢复/除名, 接收) makes it go.
 */

/** A 预备党员's 转正 is prepared this many days before the 预备期 ends (the reminder's lead). */
export const PROBATION_REMINDER_DAYS = 30;

/** After this many years of 停止党籍 the branch decides: 恢复党籍, or 除名 as 自行脱党 (党员教育管理工作条例第二十四条). */
export const SUSPENSION_DECISION_YEARS = 2;

export type MemberDeadlineFacts = {
  readonly memberId: number;
  readonly name: string;
  readonly status: MemberStatus;
  /** The kind of the org the member is placed in. */
  readonly orgKind: OrgKind;
  readonly probationEndsOn: IsoDate | null;
  readonly lostContactOn: IsoDate | null;
  /** The day the member's standing was suspended (the last 停止党籍 of their history). */
  readonly suspendedOn: IsoDate | null;
};

function subject(m: { memberId: number; name: string }) {
  return { type: 'member' as const, id: m.memberId, name: m.name };
}

/** The member's to-dos on `today`: none for a member off the roster (left, deceased, transferred out). */
export function memberDeadlineFindings(m: MemberDeadlineFacts, today: IsoDate): OrgFinding[] {
  if (!isOnRoster(m.status)) return [];
  const found: OrgFinding[] = [];
  // 预备期 one year from the 支部大会; 转正 discussed on or after its end (党章第七条; docs/membership.md §3.2).
  if (m.status === 'probationary' && m.probationEndsOn !== null) {
    const left = daysBetween(today, m.probationEndsOn);
    if (left <= 0)
      found.push({
        kind: 'probation_overdue',
        severity: 'critical',
        message: `${m.name}的预备期已于${m.probationEndsOn}届满${left < 0 ? `${-left}天` : ''}，支部大会尚未讨论其能否转正`,
        article: '党章第七条',
        date: m.probationEndsOn,
        days: daysBetween(m.probationEndsOn, today),
        subject: subject(m),
      });
    else if (left <= PROBATION_REMINDER_DAYS)
      found.push({
        kind: 'probation_ending',
        severity: 'warning',
        message: `${m.name}的预备期将于${m.probationEndsOn}届满（还有${left}天），应及时准备转正并召开支部大会讨论`,
        article: '党章第七条',
        date: m.probationEndsOn,
        days: daysBetween(m.probationEndsOn, today),
        subject: subject(m),
      });
  }
  // 失联 for 6 months: search, then decide 停止党籍 (docs/membership.md §6).
  if (m.status === 'unreachable' && m.lostContactOn !== null) {
    const due = addMonths(m.lostContactOn, LOST_CONTACT_MONTHS);
    if (due <= today)
      found.push({
        kind: 'unreachable_long',
        severity: 'warning',
        message: `${m.name}自${m.lostContactOn}失去联系已满${LOST_CONTACT_MONTHS}个月，经查找仍无法取得联系的，应作出停止党籍的决定`,
        article: '党员教育管理工作条例第二十四条',
        date: due,
        days: daysBetween(due, today),
        subject: subject(m),
      });
  }
  // 停止党籍 for 2 years: restore, or remove as 自行脱党 (docs/membership.md §6).
  if (m.status === 'suspended' && m.suspendedOn !== null) {
    const due = addYears(m.suspendedOn, SUSPENSION_DECISION_YEARS);
    if (due <= today)
      found.push({
        kind: 'suspended_long',
        severity: 'warning',
        message: `${m.name}自${m.suspendedOn}停止党籍已满${SUSPENSION_DECISION_YEARS}年，应作出恢复党籍或按自行脱党除名的决定`,
        article: '党员教育管理工作条例第二十四条',
        date: due,
        days: daysBetween(due, today),
        subject: subject(m),
      });
  }
  // Every member is placed in a 党支部, 党小组 or other set organisation: 党章第八条 (docs/membership.md §2).
  if (!isBranchKind(m.orgKind) && m.orgKind !== 'group')
    found.push({
      kind: 'member_unplaced',
      severity: 'warning',
      message: `${m.name}未编入党支部，应编入一个党支部（或其党小组）`,
      article: '党章第八条',
      date: null,
      days: null,
      subject: subject(m),
    });
  return found;
}

export type TransferDeadlineFacts = {
  readonly transferId: number;
  /** The member's name. */
  readonly name: string;
  readonly letterNo: string;
  readonly validUntil: IsoDate;
};

/**
 * A transfer inside the deployment waiting for its receiving org (docs/membership.md §7.3): a to-do of that org,
 * critical once the letter is past its validity (still receivable: the member must not be stranded).
 */
export function transferDeadlineFindings(t: TransferDeadlineFacts, today: IsoDate): OrgFinding[] {
  const left = daysBetween(today, t.validUntil);
  const about = { type: 'transfer' as const, id: t.transferId, name: t.name };
  if (left < 0)
    return [
      {
        kind: 'transfer_overdue',
        severity: 'critical',
        message: `${t.name}的组织关系介绍信（${t.letterNo}）已过有效期${-left}天，仍待接收，应尽快接收或退回`,
        article: '党员教育管理工作条例第二十五条',
        date: t.validUntil,
        days: daysBetween(t.validUntil, today),
        subject: about,
      },
    ];
  return [
    {
      kind: 'transfer_awaiting',
      severity: 'warning',
      message: `${t.name}的组织关系转入待接收（介绍信${t.letterNo}，有效期至${t.validUntil}，还有${left}天）`,
      article: '党员教育管理工作条例第二十五条',
      date: t.validUntil,
      days: daysBetween(t.validUntil, today),
      subject: about,
    },
  ];
}
