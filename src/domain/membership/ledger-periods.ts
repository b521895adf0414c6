import { addDays, type Decision, type Denial, deny, type IsoDate } from '../shared/index.ts';
import type { MembershipReason } from './reasons.ts';

/**
 * How a member arrived in this deployment's records (`members.entered_by`; docs/membership.md §8): the 增减台账
 * counts the arrival on `members.entered_on`, in the T1 line of its kind. Closed: the database refuses any other.
 */
export const ENTRY_KINDS = ['admitted', 'transferred_in', 'restored', 'readmitted', 'initial_load'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * The day a member recorded by hand arrived (docs/membership.md §8): a 发展 or 重新入党 on the approval of the
 * admission when known, else on the 入党时间 (党章第七条); a 转入 from outside, a 恢复党籍 or a 建库 on the day given,
 * today by default. Never before the 入党时间 nor after today.
 */
export function checkEntry(
  entry: { readonly by: EntryKind; readonly on?: IsoDate | null },
  facts: { readonly admittedOn: IsoDate; readonly approvedOn?: IsoDate | null },
  today: IsoDate,
): { readonly ok: true; readonly entry: { by: EntryKind; on: IsoDate } } | Denial<MembershipReason> {
  const admission = entry.by === 'admitted' || entry.by === 'readmitted';
  const on = entry.on ?? (admission ? (facts.approvedOn ?? facts.admittedOn) : today);
  if (on < facts.admittedOn) {
    return deny('entered_before_admission', '进入本系统的日期不能早于入党时间', {
      details: { field: 'entry.on' },
    });
  }
  if (on > today)
    return deny('entered_in_future', '进入本系统的日期不能晚于今天', { details: { field: 'entry.on' } });
  return { ok: true, entry: { by: entry.by, on } };
}

/**
 * What the deployment does with a change that would alter a closed (关账) period (docs/membership.md §8): refuse
 * it with the reason, or book it in the current period as a correction (更正). CFG, default `correct_in_current`.
 */
export const CLOSED_PERIOD_POLICIES = ['refuse', 'correct_in_current'] as const;
export type ClosedPeriodPolicy = (typeof CLOSED_PERIOD_POLICIES)[number];
export const DEFAULT_LEDGER_POLICY: { readonly closedPeriodPolicy: ClosedPeriodPolicy } = {
  closedPeriodPolicy: 'correct_in_current',
};

/** A closing (关账) of a reported period: its last day, when it was closed. */
export type LedgerClosing = { readonly periodEnd: IsoDate; readonly closedOn: IsoDate };

/** The reported periods end on 06-30 (the half-year) and 12-31 (the year) (docs/membership.md §8). */
export function isPeriodEnd(date: IsoDate): boolean {
  return date.endsWith('-06-30') || date.endsWith('-12-31');
}

/** The period's first day: 01-01 for both the year and the first half-year. */
export function periodStart(end: IsoDate): IsoDate {
  return `${end.slice(0, 4)}-01-01`;
}

/** `2025年度` (to 12-31) or `2025年上半年` (to 06-30). */
export function periodLabel(end: IsoDate): string {
  return `${end.slice(0, 4)}${end.endsWith('-06-30') ? '年上半年' : '年度'}`;
}

/**
 * Whether a period may be closed today: it ends on 06-30 or 12-31, has ended, and is not closed yet. Closing an
 * earlier period than the last closed one adds nothing (everything up to the last end is closed already).
 */
export function checkClosing(
  periodEnd: IsoDate,
  closings: readonly LedgerClosing[],
  today: IsoDate,
): Decision<MembershipReason> {
  if (!isPeriodEnd(periodEnd)) {
    return deny('ledger_period_end_invalid', '只能按半年（6月30日）或年度（12月31日）关账');
  }
  if (periodEnd >= today) {
    return deny('ledger_period_not_ended', `${periodLabel(periodEnd)}尚未结束，不能关账`);
  }
  const closedThrough = lastClosedEnd(closings);
  if (closedThrough !== null && periodEnd <= closedThrough) {
    return deny('ledger_period_already_closed', `${periodLabel(periodEnd)}的数字已在关账范围内`);
  }
  return { ok: true };
}

/** Only the latest closing can be reopened, so that what stays closed is always one unbroken stretch. */
export function checkReopening(
  periodEnd: IsoDate,
  closings: readonly LedgerClosing[],
): Decision<MembershipReason> {
  const closedThrough = lastClosedEnd(closings);
  if (closedThrough === null || !closings.some((c) => c.periodEnd === periodEnd)) {
    return deny('ledger_period_not_closed', `${periodLabel(periodEnd)}未关账`);
  }
  if (periodEnd !== closedThrough) {
    return deny('ledger_reopen_not_latest', `只能取消最近一次关账（${periodLabel(closedThrough)}）`);
  }
  return { ok: true };
}

/** Everything counted on or before this day is closed: the end of the latest closed period, or null. */
export function lastClosedEnd(closings: readonly LedgerClosing[]): IsoDate | null {
  return closings.reduce<IsoDate | null>((m, c) => (m === null || c.periodEnd > m ? c.periodEnd : m), null);
}

/** Where an event is counted: its day, or today as a correction of the closed day it would have altered. */
export type Booking =
  | { readonly ok: true; readonly countedOn: IsoDate; readonly correctionOf?: IsoDate }
  | Denial<MembershipReason>;

/**
 * The day the 增减台账 counts an event on (docs/membership.md §8): never before the member's arrival in the
 * records (`enteredOn`: the ledger counts the arrival first), and never inside a closed period. An event that
 * would fall on or before the last closed period's end is refused under `refuse` (its reason names the closed
 * period and the day it was closed), or counted today under `correct_in_current`, keeping the day it would have
 * been counted on (`correctionOf`): today, so that a correction comes after everything already counted.
 */
export function bookEvent(
  event: { readonly countedOn: IsoDate; readonly enteredOn: IsoDate | null },
  closings: readonly LedgerClosing[],
  policy: ClosedPeriodPolicy,
  today: IsoDate,
): Booking {
  const day =
    event.enteredOn !== null && event.enteredOn > event.countedOn ? event.enteredOn : event.countedOn;
  const closedThrough = lastClosedEnd(closings);
  if (closedThrough === null || day > closedThrough) return { ok: true, countedOn: day };
  if (policy === 'correct_in_current') {
    const countedOn = today > closedThrough ? today : addDays(closedThrough, 1);
    return { ok: true, countedOn, correctionOf: day };
  }
  const closing = closings
    .filter((c) => c.periodEnd >= day)
    .reduce((a, b) => (b.periodEnd < a.periodEnd ? b : a));
  return deny(
    'ledger_period_closed',
    `${periodLabel(closing.periodEnd)}台账已关账（${closing.closedOn} 关账），不能再改动该期数字`,
    { details: { periodEnd: closing.periodEnd, countedOn: day } },
  );
}
