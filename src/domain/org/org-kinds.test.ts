import { describe, expect, it } from 'vitest';
import { allowedChildKinds, checkKindChange, checkNesting, ORG_KINDS, type OrgKind } from './org-kinds.ts';

/** Rows: parent kind; columns in ORG_KINDS order: may a child of that kind sit directly under it? */
const NESTING: Record<OrgKind, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  //                lc     wc     com    gb     br     grp
  local_committee: [true, true, true, true, true, false],
  working_committee: [false, false, true, true, true, false],
  committee: [false, false, true, true, true, false],
  general_branch: [false, false, false, false, true, false],
  branch: [false, false, false, false, false, true],
  group: [false, false, false, false, false, false],
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
  });

  it('lists the kinds a form may offer under a parent', () => {
    expect(allowedChildKinds('branch')).toEqual(['group']);
    expect(allowedChildKinds('group')).toEqual([]);
    expect(allowedChildKinds('general_branch')).toEqual(['branch']);
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
