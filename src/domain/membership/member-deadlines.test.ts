import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../shared/index.ts';
import {
  type MemberDeadlineFacts,
  memberDeadlineFindings,
  transferDeadlineFindings,
} from './member-deadlines.ts';

const TODAY = '2026-06-15' as IsoDate;
const member = (over: Partial<MemberDeadlineFacts>): MemberDeadlineFacts => ({
  memberId: 7,
  name: '张三',
  status: 'full',
  orgKind: 'branch',
  probationEndsOn: null,
  lostContactOn: null,
  suspendedOn: null,
  ...over,
});
const kinds = (m: Partial<MemberDeadlineFacts>) =>
  memberDeadlineFindings(member(m), TODAY).map((f) => f.kind);

describe('memberDeadlineFindings (docs/membership.md §11)', () => {
  it.each<[string, IsoDate, string[], number | null]>([
    ['31 days before the end of the 预备期: nothing yet', '2026-07-16', [], null],
    ['30 days before: the reminder', '2026-07-15', ['probation_ending'], -30],
    ['the day before', '2026-06-16', ['probation_ending'], -1],
    ['on the day it ends: 转正 is due', '2026-06-15', ['probation_overdue'], 0],
    ['ended 14 days ago', '2026-06-01', ['probation_overdue'], 14],
  ])('a 预备党员, %s', (_, probationEndsOn, expected, days) => {
    const found = memberDeadlineFindings(member({ status: 'probationary', probationEndsOn }), TODAY);
    expect(found.map((f) => f.kind)).toEqual(expected);
    if (days !== null) expect(found[0]?.days).toBe(days);
  });

  it('names the member it is about', () => {
    const [f] = memberDeadlineFindings(
      member({ status: 'probationary', probationEndsOn: '2026-06-01' }),
      TODAY,
    );
    expect(f?.subject).toEqual({ type: 'member', id: 7, name: '张三' });
    expect(f?.message).toContain('张三');
    expect(f?.severity).toBe('critical');
  });

  it('失联: a to-do from 6 months after contact was lost', () => {
    expect(kinds({ status: 'unreachable', lostContactOn: '2025-12-16' })).toEqual([]);
    expect(kinds({ status: 'unreachable', lostContactOn: '2025-12-15' })).toEqual(['unreachable_long']);
  });

  it('停止党籍: a to-do from 2 years after the suspension', () => {
    expect(kinds({ status: 'suspended', suspendedOn: '2024-06-16' })).toEqual([]);
    expect(kinds({ status: 'suspended', suspendedOn: '2024-06-15' })).toEqual(['suspended_long']);
  });

  it('a member placed outside any 党支部 or 党小组', () => {
    expect(kinds({ orgKind: 'committee' })).toEqual(['member_unplaced']);
    expect(kinds({ orgKind: 'group' })).toEqual([]);
    expect(kinds({ orgKind: 'joint_branch' })).toEqual([]);
  });

  it('nothing for a member off the roster, whatever their dates', () => {
    for (const status of ['left', 'deceased', 'transferred_out'] as const)
      expect(kinds({ status, probationEndsOn: '2026-06-01', orgKind: 'committee' })).toEqual([]);
  });
});

describe('transferDeadlineFindings (docs/membership.md §11)', () => {
  const t = { transferId: 3, name: '李四', letterNo: '和组转〔2026〕1号' };
  it('waits for the receiving org while the letter is valid, the last day included', () => {
    const [f] = transferDeadlineFindings({ ...t, validUntil: '2026-06-15' }, TODAY);
    expect(f).toMatchObject({ kind: 'transfer_awaiting', severity: 'warning', days: 0 });
    expect(f?.subject).toEqual({ type: 'transfer', id: 3, name: '李四' });
  });
  it('is overdue the day after', () => {
    const [f] = transferDeadlineFindings({ ...t, validUntil: '2026-06-14' }, TODAY);
    expect(f).toMatchObject({ kind: 'transfer_overdue', severity: 'critical', days: 1 });
  });
});
