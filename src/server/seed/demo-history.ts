import type { LeftReason, MemberStatus } from '../../domain/membership/index.ts';
import { checkMemberEvent, type MemberEventInput } from '../../domain/membership/index.ts';
import { addDays, type IsoDate, maxDate } from '../../domain/shared/index.ts';
import { EXTERNAL_ORGS } from './demo-names.ts';
import type { DemoMember } from './demo-roster.ts';
import type { Random } from './random.ts';

/** A demo member with their ID number and standing today, and the change (if any) that brought them there. */
export type PlannedMember = DemoMember & {
  idNumber: string;
  status: MemberStatus;
  leftReason: LeftReason | null;
  lostContactOn: IsoDate | null;
  transferLetterNo: string | null;
  change: {
    kind: string;
    fromValue: string | null;
    toValue: string | null;
    on: IsoDate;
    details: object;
    reason: string | null;
  } | null;
};

export /** A later change of standing, decided by the same rules as the members module (checkMemberEvent). */
function laterChange(rnd: Random, m: PlannedMember, today: IsoDate, seq: number): void {
  const birthYear = Number(m.person.birthDate.slice(0, 4));
  const roll = rnd.next();
  const since = addDays(maxDate(m.confirmedOn ?? m.admittedOn, addDays(today, -5 * 365)), 1);
  const on = addDays(
    since,
    rnd.int(0, Math.max(0, Math.round((Date.parse(today) - Date.parse(since)) / 864e5) - 1)),
  );
  const state = {
    status: m.status,
    admittedOn: m.admittedOn,
    confirmedOn: m.confirmedOn,
    probationEndsOn: null,
    lastEventOn: m.confirmedOn ?? m.admittedOn,
  };
  const decide = (e: Omit<MemberEventInput, 'effectiveOn'>) => {
    const d = checkMemberEvent(state, { ...e, effectiveOn: on }, today);
    if (!d.ok) return;
    Object.assign(m, {
      status: d.changes.status,
      leftReason: d.changes.leftReason ?? null,
      lostContactOn: d.changes.lostContactOn ?? null,
    });
    m.change = {
      kind: d.event.kind,
      fromValue: d.event.fromValue,
      toValue: d.event.toValue,
      on,
      details: d.event.details,
      reason: e.reason,
    };
  };
  if (roll < (birthYear < 1945 ? 0.12 : 0.01)) decide({ kind: 'record_death', reason: null });
  else if (roll < 0.016) {
    // 退党 is filed with the level above; 自行脱党除名 needs its approval (docs/membership.md §5).
    const withdrawn = rnd.chance(0.6);
    decide({
      kind: 'leave',
      reason: withdrawn ? '本人申请' : '连续六个月不参加组织生活',
      leftReason: withdrawn ? 'withdrawn' : 'removed_lapsed',
      approvalOrgName: '上级党委',
      approvalOn: on,
      approvalDocumentNo: withdrawn ? null : `示组批〔${on.slice(0, 4)}〕${seq}号`,
    });
  } else if (roll < 0.022) decide({ kind: 'suspend', reason: '出国（境）定居，保留党籍期满未归' });
  else if (roll < 0.032)
    decide({
      kind: 'mark_unreachable',
      reason: '多方查找未能取得联系',
      lostContactOn: maxDate(addDays(on, -rnd.int(0, 120)), m.admittedOn),
    });
  else if (roll < 0.046) {
    const letterNo = `示组转〔${on.slice(0, 4)}〕${seq}号`;
    m.status = 'transferred_out';
    m.transferLetterNo = letterNo;
    m.change = {
      kind: 'transferred_out',
      fromValue: 'full',
      toValue: 'transferred_out',
      on,
      details: { letterNo, externalOrgName: rnd.pick(EXTERNAL_ORGS) },
      reason: '工作调动',
    };
  }
}
