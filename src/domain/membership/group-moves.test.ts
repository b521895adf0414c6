import { describe, expect, it } from 'vitest';
import { branchOfPlacement, checkGroupMove, type GroupMoveFacts } from './group-moves.ts';

const TODAY = '2026-06-15';
const branch = { id: 10, kind: 'branch', parentId: 1, dissolvedOn: null } as const;
const group = { id: 11, kind: 'group', parentId: 10, dissolvedOn: null } as const;
const otherGroup = { id: 12, kind: 'group', parentId: 10, dissolvedOn: null } as const;
const elsewhere = { id: 20, kind: 'branch', parentId: 1, dissolvedOn: null } as const;

function facts(extra: Partial<GroupMoveFacts> = {}): GroupMoveFacts {
  return {
    member: { status: 'full', org: branch, admittedOn: '2010-07-01', lastEventOn: '2020-01-01' },
    hasPending: false,
    target: group,
    effectiveOn: '2026-06-01',
    ...extra,
  };
}

describe('checkGroupMove (支部工作条例第十三条)', () => {
  it('allows a branch to a group of it, a group to another, and a group back to the branch', () => {
    expect(checkGroupMove(facts(), TODAY)).toEqual({ ok: true });
    const inGroup = { ...facts().member, org: group };
    expect(checkGroupMove(facts({ member: inGroup, target: otherGroup }), TODAY)).toEqual({ ok: true });
    expect(checkGroupMove(facts({ member: inGroup, target: branch }), TODAY)).toEqual({ ok: true });
  });

  it.each<[string, Partial<GroupMoveFacts>, string]>([
    [
      'a member who left',
      { member: { ...facts().member, status: 'left' } },
      'group_move_member_not_on_roster',
    ],
    ['to another branch', { target: elsewhere }, 'group_move_outside_branch'],
    ['from another branch', { member: { ...facts().member, org: elsewhere } }, 'group_move_outside_branch'],
    [
      'to a committee',
      { target: { id: 1, kind: 'committee', parentId: null, dissolvedOn: null } },
      'member_org_not_branch',
    ],
    ['to a dissolved group', { target: { ...group, dissolvedOn: '2025-01-01' } }, 'member_org_dissolved'],
    ['to where they are', { target: branch }, 'group_move_same_org'],
    ['with a transfer pending', { hasPending: true }, 'transfer_already_pending'],
    ['dated tomorrow', { effectiveOn: '2026-06-16' }, 'event_in_future'],
    ['dated before admission', { effectiveOn: '2009-01-01' }, 'event_before_admission'],
    ['dated before the latest change', { effectiveOn: '2019-12-31' }, 'event_before_last_change'],
  ])('refuses a move %s', (_, extra, reason) => {
    const decision = checkGroupMove(facts(extra), TODAY);
    expect(decision).toMatchObject({ ok: false, reason });
    expect(decision.ok ? '' : decision.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('places a group in its parent branch, anything else in itself', () => {
    expect(branchOfPlacement(group)).toBe(10);
    expect(branchOfPlacement(branch)).toBe(10);
  });
});
