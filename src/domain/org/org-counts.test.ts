import { describe, expect, it } from 'vitest';
import { countsAsPartyOrg, partyOrgTotal } from './org-counts.ts';

describe('党组织总数 (docs/organizations.md §1)', () => {
  it('counts every kind of org but the 党小组', () => {
    expect(countsAsPartyOrg('branch')).toBe(true);
    expect(countsAsPartyOrg('committee')).toBe(true);
    expect(countsAsPartyOrg('group')).toBe(false);
    expect(partyOrgTotal({ local_committee: 1, committee: 2, general_branch: 1, branch: 5, group: 7 })).toBe(
      9,
    );
    expect(partyOrgTotal({})).toBe(0);
  });
});
