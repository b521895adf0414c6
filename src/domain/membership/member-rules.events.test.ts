import { describe, expect, it } from 'vitest';
import { checkMemberEvent, type MemberEventInput, type MemberState } from './member-rules.ts';

const TODAY = '2026-06-15';

const probationary: MemberState = {
  status: 'probationary',
  admittedOn: '2025-06-01',
  confirmedOn: null,
  probationEndsOn: '2026-06-01',
  lastEventOn: '2025-06-01',
};
const full: MemberState = {
  status: 'full',
  admittedOn: '2010-06-01',
  confirmedOn: '2011-06-01',
  probationEndsOn: '2011-06-01',
  lastEventOn: '2010-06-01',
};
const as = (status: MemberState['status'], base: MemberState = full): MemberState => ({ ...base, status });
/** The procedures of 出党 (docs/membership.md §5): filed, approved, decided by discipline. */
const filed = { approvalOrgName: '某街道党工委', approvalOn: '2026-06-12' };
const approved = { ...filed, approvalDocumentNo: '某组批〔2026〕3号' };
const ev = (kind: MemberEventInput['kind'], extra: Partial<MemberEventInput> = {}): MemberEventInput => ({
  kind,
  effectiveOn: '2026-06-10',
  reason: null,
  ...extra,
});

describe('checkMemberEvent: what every change must respect', () => {
  it.each<[string, MemberState, MemberEventInput, string]>([
    [
      'dated tomorrow',
      full,
      ev('suspend', { reason: '出国定居', effectiveOn: '2026-06-16' }),
      'event_in_future',
    ],
    [
      'dated before admission',
      full,
      ev('record_death', { effectiveOn: '2010-05-31' }),
      'event_before_admission',
    ],
    [
      'dated before the latest change',
      { ...full, lastEventOn: '2026-06-12' },
      ev('mark_unreachable'),
      'event_before_last_change',
    ],
  ])('refuses a change %s', (_what, member, event, reason) => {
    expect(checkMemberEvent(member, event, TODAY)).toMatchObject({ ok: false, reason });
  });
});

describe('checkMemberEvent: decisions by kind', () => {
  it.each<[string, MemberState, MemberEventInput, string]>([
    ['confirm a full member', full, ev('confirm'), 'event_not_allowed_in_status'],
    [
      'confirm before the year is out',
      probationary,
      ev('confirm', { effectiveOn: '2026-05-31' }),
      'confirm_before_probation_end',
    ],
    [
      'confirm before an extension ends',
      { ...probationary, probationEndsOn: '2027-01-01' },
      ev('confirm'),
      'confirm_before_probation_end',
    ],
    [
      'extend a second time',
      { ...probationary, probationEndsOn: '2026-12-01' },
      ev('extend_probation', { probationEndsOn: '2027-03-01' }),
      'probation_already_extended',
    ],
    [
      'extend by 5 months',
      probationary,
      ev('extend_probation', { probationEndsOn: '2026-11-01' }),
      'probation_extension_out_of_range',
    ],
    [
      'extend by 13 months',
      probationary,
      ev('extend_probation', { probationEndsOn: '2027-07-01' }),
      'probation_extension_out_of_range',
    ],
    ['extend without a new end', probationary, ev('extend_probation'), 'probation_extension_out_of_range'],
    [
      'extend a full member',
      full,
      ev('extend_probation', { probationEndsOn: '2012-01-01' }),
      'event_not_allowed_in_status',
    ],
    ['suspend without a reason', full, ev('suspend'), 'reason_required'],
    [
      'suspend a suspended member',
      as('suspended'),
      ev('suspend', { reason: 'x' }),
      'event_not_allowed_in_status',
    ],
    ['restore a full member', full, ev('restore', { reason: '经审查恢复' }), 'event_not_allowed_in_status'],
    ['restore without a reason', as('suspended'), ev('restore'), 'reason_required'],
    [
      'mark a suspended member unreachable',
      as('suspended'),
      ev('mark_unreachable'),
      'event_not_allowed_in_status',
    ],
    [
      'lose contact after the recording date',
      full,
      ev('mark_unreachable', { lostContactOn: '2026-06-11' }),
      'lost_contact_on_out_of_range',
    ],
    ['mark a full member reachable', full, ev('mark_reachable'), 'event_not_allowed_in_status'],
    ['leave without a reason', full, ev('leave'), 'left_reason_required'],
    [
      'cancel the probation of a full member',
      full,
      ev('leave', { leftReason: 'probation_cancelled' }),
      'probation_cancel_not_probationary',
    ],
    [
      'leave twice',
      as('left'),
      ev('leave', { leftReason: 'withdrawn', ...filed }),
      'event_not_allowed_in_status',
    ],
    ['record the death of a member who left', as('left'), ev('record_death'), 'event_not_allowed_in_status'],
    [
      'leave after death',
      as('deceased'),
      ev('leave', { leftReason: 'withdrawn', ...filed }),
      'event_not_allowed_in_status',
    ],
    [
      'change a member transferred out',
      as('transferred_out'),
      ev('suspend', { reason: 'x' }),
      'event_not_allowed_in_status',
    ],
  ])('refuses to %s', (_what, member, event, reason) => {
    const d = checkMemberEvent(member, event, TODAY);
    expect(d).toMatchObject({ ok: false, reason });
    if (!d.ok) expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each<[string, MemberState, MemberEventInput, object, object]>([
    [
      'confirms on the last day of the year, dating 转正 from the end of the 预备期',
      probationary,
      ev('confirm', { effectiveOn: '2026-06-01' }),
      { status: 'full', confirmedOn: '2026-06-01' },
      { kind: 'confirmed', fromValue: 'probationary', toValue: 'full' },
    ],
    [
      'confirms after an extension',
      { ...probationary, admittedOn: '2024-06-01', probationEndsOn: '2025-12-01' },
      ev('confirm'),
      { status: 'full', confirmedOn: '2025-12-01' },
      { kind: 'confirmed' },
    ],
    [
      'extends by 6 months',
      probationary,
      ev('extend_probation', { probationEndsOn: '2026-12-01' }),
      { probationEndsOn: '2026-12-01' },
      { kind: 'probation_extended', fromValue: '2026-06-01', toValue: '2026-12-01' },
    ],
    [
      'extends by a year',
      probationary,
      ev('extend_probation', { probationEndsOn: '2027-06-01' }),
      { probationEndsOn: '2027-06-01' },
      { kind: 'probation_extended' },
    ],
    [
      'suspends an unreachable member',
      as('unreachable'),
      ev('suspend', { reason: '失联满6个月' }),
      { status: 'suspended' },
      { kind: 'suspended', fromValue: 'unreachable', toValue: 'suspended' },
    ],
    [
      'restores a confirmed member to full',
      as('suspended'),
      ev('restore', { reason: '经审查恢复' }),
      { status: 'full', lostContactOn: null },
      { kind: 'restored', toValue: 'full' },
    ],
    [
      'restores an unconfirmed member to probationary',
      as('suspended', probationary),
      ev('restore', { reason: '恢复' }),
      { status: 'probationary' },
      { kind: 'restored', toValue: 'probationary' },
    ],
    [
      'marks unreachable from the day contact was lost',
      full,
      ev('mark_unreachable', { lostContactOn: '2025-12-01' }),
      { status: 'unreachable', lostContactOn: '2025-12-01' },
      { kind: 'marked_unreachable' },
    ],
    [
      'marks unreachable from the recording date by default',
      full,
      ev('mark_unreachable'),
      { lostContactOn: '2026-06-10' },
      { kind: 'marked_unreachable' },
    ],
    [
      'marks reachable again',
      as('unreachable'),
      ev('mark_reachable'),
      { status: 'full', lostContactOn: null },
      { kind: 'marked_reachable', toValue: 'full' },
    ],
    [
      'records a death, not as 出党',
      as('suspended'),
      ev('record_death'),
      { status: 'deceased' },
      { kind: 'died', fromValue: 'suspended', toValue: 'deceased' },
    ],
    [
      'cancels a probation, approved by the level above',
      probationary,
      ev('leave', { leftReason: 'probation_cancelled', ...approved }),
      { status: 'left', leftReason: 'probation_cancelled' },
      { kind: 'left', details: { leftReason: 'probation_cancelled', procedure: 'approved' } },
    ],
  ])('%s', (_what, member, event, changes, record) => {
    const d = checkMemberEvent(member, event, TODAY);
    expect(d).toMatchObject({ ok: true, changes, event: record });
  });
});

describe('checkMemberEvent: warnings it accepts with (docs/membership.md §3.4, §6)', () => {
  const reasons = (d: ReturnType<typeof checkMemberEvent>) =>
    d.ok ? (d.warnings ?? []).map((w) => w.reason) : null;

  it.each<[string, string, string[]]>([
    ['on the day the 预备期 ends', '2026-06-01', []],
    ['a month before it ends', '2026-05-01', []],
    ['more than a month before it ends', '2026-04-30', ['extension_decided_early']],
  ])('an extension decided %s', (_what, effectiveOn, expected) => {
    const member = { ...probationary, lastEventOn: '2025-06-01' };
    const d = checkMemberEvent(
      member,
      ev('extend_probation', { effectiveOn, probationEndsOn: '2026-12-01' }),
      TODAY,
    );
    expect(reasons(d)).toEqual(expected);
  });

  it.each<[string, string | null, string[]]>([
    ['6 months after contact was lost', '2025-12-10', []],
    ['a day short of 6 months', '2025-12-11', ['suspended_before_six_months']],
    ['with no date of lost contact on record', null, []],
  ])('a 失联党员 suspended %s', (_what, lostContactOn, expected) => {
    const member = { ...as('unreachable'), lostContactOn };
    const d = checkMemberEvent(member, ev('suspend', { reason: '经查找仍无法联系' }), TODAY);
    expect(reasons(d)).toEqual(expected);
    if (d.ok) for (const w of d.warnings ?? []) expect(w.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('does not warn when a reachable member is suspended on other grounds', () => {
    const d = checkMemberEvent(
      { ...full, lostContactOn: '2026-06-01' },
      ev('suspend', { reason: '出国定居' }),
      TODAY,
    );
    expect(reasons(d)).toEqual([]);
  });
});

describe('checkMemberEvent: 出党 by its T10 category and procedure (党章第九条; docs/membership.md §5)', () => {
  const leave = (
    leftReason: NonNullable<MemberEventInput['leftReason']>,
    extra: Partial<MemberEventInput> = {},
  ) => ev('leave', { leftReason, ...extra });

  it.each<[string, MemberState, MemberEventInput, string]>([
    ['退党 not filed', full, leave('withdrawn'), 'leave_procedure_missing'],
    [
      '退党 filed without a date',
      full,
      leave('withdrawn', { approvalOrgName: '某街道党工委' }),
      'leave_procedure_missing',
    ],
    ['劝退 without the approval document', full, leave('persuaded', filed), 'leave_procedure_missing'],
    ['劝而不退除名 without approval', full, leave('removed_refused'), 'leave_procedure_missing'],
    [
      '自行脱党除名 without the approval document',
      full,
      leave('removed_lapsed', filed),
      'leave_procedure_missing',
    ],
    ['开除党籍 without the decision', full, leave('expelled', filed), 'leave_procedure_missing'],
    ['不予承认 without approval', full, leave('not_recognized', filed), 'leave_procedure_missing'],
    [
      'an approval dated tomorrow',
      full,
      leave('persuaded', { ...approved, approvalOn: '2026-06-16' }),
      'leave_procedure_in_future',
    ],
    [
      'an approval before the branch decided',
      full,
      leave('persuaded', { ...approved, approvalOn: '2026-06-09' }),
      'leave_procedure_before_decision',
    ],
    ['劝退 a 预备党员', probationary, leave('persuaded', approved), 'leave_category_not_for_probationary'],
    [
      '除名 a 预备党员',
      probationary,
      leave('removed_lapsed', approved),
      'leave_category_not_for_probationary',
    ],
    ['开除 a 预备党员', probationary, leave('expelled', approved), 'leave_category_not_for_probationary'],
    [
      '无法取得联系 on a 劝退',
      full,
      leave('persuaded', { ...approved, unreachable: true }),
      'leave_unreachable_not_lapsed',
    ],
  ])('refuses %s', (_what, member, event, reason) => {
    expect(checkMemberEvent(member, event, TODAY)).toMatchObject({ ok: false, reason });
  });

  it('names what the procedure still lacks', () => {
    expect(checkMemberEvent(full, leave('expelled', { approvalOrgName: '某区纪委' }), TODAY)).toMatchObject({
      ok: false,
      details: { procedure: 'discipline', missing: ['approvalOn', 'approvalDocumentNo'] },
    });
  });

  it.each<[string, MemberState, MemberEventInput, Record<string, unknown>]>([
    ['退党, filed (no document needed)', full, leave('withdrawn', filed), { procedure: 'filed', ...filed }],
    ['劝退, approved', as('suspended'), leave('persuaded', approved), { procedure: 'approved', ...approved }],
    ['劝而不退除名, approved', full, leave('removed_refused', approved), { procedure: 'approved' }],
    [
      '自行脱党除名 of a member who cannot be found',
      as('unreachable'),
      leave('removed_lapsed', { ...approved, unreachable: true }),
      { procedure: 'approved', unreachable: true },
    ],
    ['自行脱党除名, found', full, leave('removed_lapsed', approved), { unreachable: false }],
    ['开除党籍, by a discipline decision', full, leave('expelled', approved), { procedure: 'discipline' }],
    ['不予承认 of a 预备党员', probationary, leave('not_recognized', approved), { procedure: 'approved' }],
    [
      'an approval on the day of the decision',
      full,
      leave('persuaded', { ...approved, approvalOn: '2026-06-10' }),
      { approvalOn: '2026-06-10' },
    ],
  ])('records %s', (_what, member, event, details) => {
    const d = checkMemberEvent(member, event, TODAY);
    expect(d).toMatchObject({
      ok: true,
      changes: { status: 'left', leftReason: event.leftReason },
      event: {
        kind: 'left',
        fromValue: member.status,
        toValue: 'left',
        details: { leftReason: event.leftReason, ...details },
      },
    });
  });
});
