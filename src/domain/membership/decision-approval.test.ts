import { describe, expect, it } from 'vitest';
import {
  approvalDaysLeft,
  approvalDueOn,
  approverPathOf,
  checkApproval,
  decisionKindDenial,
  leaveNeedsApproval,
  pendingDecisionFinding,
} from './decision-approval.ts';

const TODAY = '2026-06-15';
const approval = (approvedOn: string) => ({
  approvingOrgName: '甲街道党工委',
  approvedOn,
  documentNo: '批〔2026〕1号',
});

describe('the approval of a 支部大会 decision (docs/membership.md §12)', () => {
  it('accepts an approval on or after the meeting, within 3 months, without warnings', () => {
    expect(checkApproval('2026-03-01', approval('2026-03-01'), TODAY)).toEqual({ ok: true, warnings: [] });
    expect(checkApproval('2026-03-01', approval('2026-06-01'), TODAY)).toEqual({ ok: true, warnings: [] });
  });

  it('refuses an approval before the meeting or in the future', () => {
    expect(checkApproval('2026-03-01', approval('2026-02-28'), TODAY)).toMatchObject({
      ok: false,
      reason: 'approval_before_meeting',
    });
    expect(checkApproval('2026-03-01', approval('2026-06-16'), TODAY)).toMatchObject({
      ok: false,
      reason: 'approval_in_future',
    });
  });

  it('warns when the level above approved more than 3 months after the meeting', () => {
    const d = checkApproval('2026-01-10', approval('2026-04-11'), TODAY);
    expect(d).toMatchObject({ ok: true, warnings: [{ reason: 'approval_late' }] });
    expect(checkApproval('2026-01-10', approval('2026-04-10'), TODAY)).toEqual({ ok: true, warnings: [] });
  });

  it('counts the days left before the approval is due, negative once overdue', () => {
    expect(approvalDueOn('2025-11-30')).toBe('2026-02-28');
    expect(approvalDaysLeft('2026-06-01', '2026-06-15')).toBe(78);
    expect(approvalDaysLeft('2026-03-01', '2026-06-15')).toBe(-14);
  });

  it('sends 劝退, 除名, 不予承认 and 取消预备党员资格 for approval, not 退党 (filed) or 开除党籍 (discipline)', () => {
    for (const c of [
      'persuaded',
      'removed_refused',
      'removed_lapsed',
      'not_recognized',
      'probation_cancelled',
    ] as const) {
      expect(leaveNeedsApproval(c)).toBe(true);
      expect(decisionKindDenial('leave', c)).toBeNull();
    }
    for (const c of ['withdrawn', 'expelled'] as const) {
      expect(leaveNeedsApproval(c)).toBe(false);
      expect(decisionKindDenial('leave', c)).toMatchObject({ reason: 'leave_category_not_approved' });
    }
    expect(decisionKindDenial('confirm', undefined)).toBeNull();
  });

  it('finds the approving org above the branch (above the branch of a group)', () => {
    expect(approverPathOf('1.2.4.6.9', false)).toBe('1.2.4.6');
    expect(approverPathOf('1.2.4.6.9.10', true)).toBe('1.2.4.6');
    expect(approverPathOf('7', false)).toBe('7');
  });
});

describe('the to-do of a decision waiting for approval', () => {
  const d = { memberId: 7, name: '张三', kind: 'confirm' as const, meetingOn: '2026-05-01' };
  it('is a warning with the days left until 3 months after the meeting', () => {
    expect(pendingDecisionFinding(d, '2026-06-15')).toMatchObject({
      kind: 'decision_awaiting_approval',
      severity: 'warning',
      date: '2026-08-01',
      days: -47,
      subject: { type: 'member', id: 7, name: '张三' },
    });
  });
  it('turns critical once overdue', () => {
    expect(pendingDecisionFinding(d, '2026-08-02')).toMatchObject({
      kind: 'decision_approval_overdue',
      severity: 'critical',
      days: 1,
    });
  });
});
