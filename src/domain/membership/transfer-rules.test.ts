import { describe, expect, it } from 'vitest';
import {
  checkNewTransfer,
  checkReceive,
  checkTransferAction,
  DEFAULT_TRANSFER_POLICY,
  isTransferOverdue,
  type NewTransferFacts,
  type ReceiveFacts,
  TRANSFER_STATUSES,
} from './transfer-rules.ts';

const TODAY = '2026-06-15';
const branch = { kind: 'branch', dissolvedOn: null } as const;

function facts(extra: Partial<NewTransferFacts> = {}): NewTransferFacts {
  return {
    member: { status: 'full', orgId: 10, admittedOn: '2010-01-01', lastEventOn: '2010-01-01' },
    hasPending: false,
    target: { kind: 'internal', orgId: 20, org: branch },
    issuedOn: '2026-06-01',
    validUntil: undefined,
    ...extra,
  };
}

describe('checkNewTransfer (条例第二十五条)', () => {
  it.each<[string, Partial<NewTransferFacts>, string]>([
    ['a member who left', { member: { ...facts().member, status: 'left' } }, 'transfer_member_not_on_roster'],
    [
      'a member transferred out',
      { member: { ...facts().member, status: 'transferred_out' } },
      'transfer_member_not_on_roster',
    ],
    ['a second pending transfer', { hasPending: true }, 'transfer_already_pending'],
    [
      'the org the member is in',
      { target: { kind: 'internal', orgId: 10, org: branch } },
      'transfer_same_org',
    ],
    [
      'a community committee',
      { target: { kind: 'internal', orgId: 20, org: { kind: 'committee', dissolvedOn: null } } },
      'member_org_not_branch',
    ],
    [
      'a dissolved branch',
      { target: { kind: 'internal', orgId: 20, org: { kind: 'branch', dissolvedOn: '2025-01-01' } } },
      'member_org_dissolved',
    ],
    ['a letter issued tomorrow', { issuedOn: '2026-06-16' }, 'transfer_issued_in_future'],
    ['a letter issued before admission', { issuedOn: '2009-12-31' }, 'transfer_issued_before_admission'],
    [
      'a validity ending before the issue',
      { validUntil: '2026-05-31' },
      'transfer_valid_until_before_issued',
    ],
  ])('refuses a transfer to or of %s', (_what, extra, reason) => {
    const d = checkNewTransfer(facts(extra), DEFAULT_TRANSFER_POLICY, TODAY);
    expect(d).toMatchObject({ ok: false, reason, article: '《中国共产党党员教育管理工作条例》第二十五条' });
  });

  it('lets the letter run 3 months by default, or as configured', () => {
    expect(checkNewTransfer(facts(), DEFAULT_TRANSFER_POLICY, TODAY)).toEqual({
      ok: true,
      validUntil: '2026-09-01',
      status: 'pending',
    });
    expect(checkNewTransfer(facts(), { transferValidityMonths: 6 }, TODAY)).toMatchObject({
      validUntil: '2026-12-01',
    });
    expect(
      checkNewTransfer(facts({ validUntil: '2026-07-01' }), DEFAULT_TRANSFER_POLICY, TODAY),
    ).toMatchObject({
      validUntil: '2026-07-01',
    });
  });

  it('completes a transfer out of the deployment at once, also for a suspended member', () => {
    const out = facts({
      target: { kind: 'external', name: '外省某党支部' },
      member: { ...facts().member, status: 'suspended' },
    });
    expect(checkNewTransfer(out, DEFAULT_TRANSFER_POLICY, TODAY)).toMatchObject({
      ok: true,
      status: 'completed_out',
    });
  });
});

describe('the transfer state machine', () => {
  it.each(TRANSFER_STATUSES)('from %s', (status) => {
    for (const action of ['receive', 'reject', 'cancel'] as const) {
      const d = checkTransferAction(status, action);
      expect(d.ok, `${status} → ${action}`).toBe(status === 'pending');
      if (!d.ok) expect(d.reason).toBe('transfer_not_pending');
    }
  });

  it.each<[string, string, boolean]>([
    ['pending', '2026-06-14', true],
    ['pending', '2026-06-15', false],
    ['received', '2026-01-01', false],
    ['rejected', '2026-01-01', false],
  ])('a %s transfer valid until %s is overdue: %s', (status, validUntil, overdue) => {
    expect(isTransferOverdue({ status: status as 'pending', validUntil }, TODAY)).toBe(overdue);
  });
});

describe('checkReceive', () => {
  const base: ReceiveFacts = {
    transfer: { status: 'pending', fromOrgId: 10, issuedOn: '2026-06-01' },
    member: { status: 'full', orgId: 10, lastEventOn: '2010-01-01' },
    targetOrg: branch,
    receivedOn: '2026-06-10',
  };

  it.each<[string, Partial<ReceiveFacts>, string]>([
    ['a cancelled transfer', { transfer: { ...base.transfer, status: 'cancelled' } }, 'transfer_not_pending'],
    [
      'a member who left meanwhile',
      { member: { ...base.member, status: 'left' } },
      'transfer_member_changed',
    ],
    ['a member moved meanwhile', { member: { ...base.member, orgId: 11 } }, 'transfer_member_changed'],
    [
      'into a branch dissolved meanwhile',
      { targetOrg: { kind: 'branch', dissolvedOn: '2026-06-05' } },
      'member_org_dissolved',
    ],
    ['on a date in the future', { receivedOn: '2026-06-16' }, 'transfer_received_in_future'],
    ['before the letter was issued', { receivedOn: '2026-05-31' }, 'transfer_received_before_issued'],
    [
      'before the member’s latest change',
      { member: { ...base.member, lastEventOn: '2026-06-12' } },
      'event_before_last_change',
    ],
  ])('refuses to receive %s', (_what, extra, reason) => {
    expect(checkReceive({ ...base, ...extra }, TODAY)).toMatchObject({ ok: false, reason });
  });

  it('receives a pending transfer, even an overdue one', () => {
    expect(checkReceive(base, TODAY)).toEqual({ ok: true });
  });
});
