import { describe, expect, it } from 'vitest';
import {
  allowedChildKinds,
  BRANCH_KINDS,
  checkKindChange,
  checkNesting,
  isBranchKind,
  ORG_KIND_CODES,
  ORG_KINDS,
  type OrgKind,
} from './org-kinds.ts';

const o = false;
const X = true;
/** Rows: parent kind; columns in ORG_KINDS order: may a child of that kind sit directly under it? */
const NESTING: Record<OrgKind, boolean[]> = {
  //                 lc wc com gb br jb tb fb grp
  local_committee: [X, X, X, X, X, X, X, X, o],
  working_committee: [o, o, X, X, X, X, X, X, o],
  committee: [o, o, X, X, X, X, X, X, o],
  general_branch: [o, o, o, o, X, X, X, X, o],
  branch: [o, o, o, o, o, o, o, o, X],
  joint_branch: [o, o, o, o, o, o, o, o, X],
  temporary_branch: [o, o, o, o, o, o, o, o, X],
  floating_branch: [o, o, o, o, o, o, o, o, X],
  group: [o, o, o, o, o, o, o, o, o],
};

describe('checkNesting', () => {
  for (const parent of ORG_KINDS) {
    ORG_KINDS.forEach((child, i) => {
      const expected = NESTING[parent][i];
      it(`${child} under ${parent}: ${expected ? 'allowed' : 'refused'}`, () => {
        const d = checkNesting(parent, child);
        expect(d.ok).toBe(expected);
        if (!d.ok) {
          expect(d.reason).toBe('nesting_not_allowed');
          expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      });
    });
  }

  it('explains the 党小组 rules in the words users know', () => {
    expect(checkNesting('committee', 'group')).toMatchObject({ message: '党小组只能设在党支部之下' });
    expect(checkNesting('group', 'branch')).toMatchObject({ message: '党小组之下不能再设组织' });
    expect(checkNesting('branch', 'general_branch')).toMatchObject({ message: '党支部之下只能设党小组' });
    expect(checkNesting('joint_branch', 'branch')).toMatchObject({ message: '联合党支部之下只能设党小组' });
  });

  it('lists the kinds a form may offer under a parent', () => {
    expect(allowedChildKinds('branch')).toEqual(['group']);
    expect(allowedChildKinds('group')).toEqual([]);
    expect(allowedChildKinds('general_branch')).toEqual([...BRANCH_KINDS]);
    expect(allowedChildKinds('temporary_branch')).toEqual(['group']);
  });
});

describe('the kinds of 党支部 and their 组织类别 codes (docs/official-forms.md §2.2)', () => {
  it('counts 联合, 临时 and 流动党员党支部 as branches', () => {
    expect(ORG_KINDS.filter(isBranchKind)).toEqual([
      'branch',
      'joint_branch',
      'temporary_branch',
      'floating_branch',
    ]);
  });

  it('gives each its national code', () => {
    expect(ORG_KIND_CODES).toMatchObject({
      committee: '611',
      general_branch: '621',
      branch: '631',
      joint_branch: '632',
      temporary_branch: '931',
      floating_branch: '631',
      group: null,
    });
  });
});

describe('checkKindChange', () => {
  it('keeps the org valid under its parent and above its children', () => {
    expect(checkKindChange('committee', 'general_branch', ['branch']).ok).toBe(true);
    expect(checkKindChange('committee', 'branch', ['branch']).ok).toBe(false);
    expect(checkKindChange('committee', 'branch', ['group']).ok).toBe(true);
  });

  it('lets only a 地方党委 be the root', () => {
    expect(checkKindChange(null, 'committee', [])).toMatchObject({
      ok: false,
      reason: 'root_must_be_local_committee',
    });
    expect(checkKindChange(null, 'local_committee', ['local_committee']).ok).toBe(true);
  });
});
