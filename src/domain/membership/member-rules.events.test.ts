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
      ev('leave', { leftReason: 'deceased', effectiveOn: '2010-05-31' }),
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
    ['leave twice', as('left'), ev('leave', { leftReason: 'deceased' }), 'event_not_allowed_in_status'],
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
      'records a death',
      as('suspended'),
      ev('leave', { leftReason: 'deceased' }),
      { status: 'left', leftReason: 'deceased' },
      { kind: 'left', fromValue: 'suspended', details: { leftReason: 'deceased' } },
    ],
    [
      'cancels a probation',
      probationary,
      ev('leave', { leftReason: 'probation_cancelled' }),
      { status: 'left', leftReason: 'probation_cancelled' },
      { kind: 'left' },
    ],
  ])('%s', (_what, member, event, changes, record) => {
    const d = checkMemberEvent(member, event, TODAY);
    expect(d).toMatchObject({ ok: true, changes, event: record });
  });
});
